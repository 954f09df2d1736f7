using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>
/// Events: LAST SEEN TYPE REASON OBJECT MESSAGE, and SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME when wide
/// (the wide columns sit between the others, in the real server's order).
/// </summary>
internal sealed class EventPrinter : ResourcePrinter<Event>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Text("Last Seen", "How long ago the event last happened."),
        PrintColumns.Text("Type", "Normal or Warning."),
        PrintColumns.Text("Reason", "A short machine-readable cause."),
        PrintColumns.Text("Object", "The object the event is about, as kind/name."),
        PrintColumns.Wide("Subobject", "The part of the object the event is about, such as a container."),
        PrintColumns.Wide("Source", "The component, and host, that reported the event."),
        PrintColumns.Text("Message", "What happened, for humans."),
        PrintColumns.Wide("First Seen", "How long ago the event first happened."),
        // Declared as a string column, but the cell is an integer, as the real server sends it.
        PrintColumns.Wide("Count", "How many times the event happened."),
        PrintColumns.Name with { Priority = 1 },
    ];

    internal static string FirstSeen(Event obj, DateTimeOffset now) => HumanDuration.Age(FirstSeenTime(obj), now);

    internal static string LastSeen(Event obj, DateTimeOffset now) => HumanDuration.Age(LastSeenTime(obj), now);

    internal static DateTimeOffset? FirstSeenTime(Event obj) =>
        HumanDuration.IsMissing(obj.FirstTimestamp) ? obj.EventTime : obj.FirstTimestamp;

    internal static DateTimeOffset? LastSeenTime(Event obj) =>
        // Events of the events.k8s.io API carry a series instead of a last timestamp.
        obj.Series is { } series ? series.LastObservedTime
        : HumanDuration.IsMissing(obj.LastTimestamp) ? FirstSeenTime(obj)
        : obj.LastTimestamp;

    internal static int Occurrences(Event obj)
    {
        if (obj.Series is { } series)
        {
            return series.Count ?? 0;
        }

        // A singleton event has neither a series nor a count.
        return obj.Count is null or 0 ? 1 : obj.Count.Value;
    }

    internal static string Target(ObjectReference? involved)
    {
        var kind = (involved?.Kind ?? string.Empty).ToLowerInvariant();
        return string.IsNullOrEmpty(involved?.Name) ? kind : $"{kind}/{involved.Name}";
    }

    // "component, host", falling back to the reporting controller and instance, and leaving out an empty host.
    internal static string Source(Event obj)
    {
        var component = FirstNonEmpty(obj.Source?.Component, obj.ReportingComponent);
        var host = FirstNonEmpty(obj.Source?.Host, obj.ReportingInstance);
        return host.Length == 0 ? component : $"{component}, {host}";
    }

    protected override object?[] RowOf(Event obj, DateTimeOffset now) =>
    [
        LastSeen(obj, now),
        obj.Type ?? string.Empty,
        obj.Reason ?? string.Empty,
        obj.Object,
        obj.SubObject,
        obj.Reporter,
        (obj.Message ?? string.Empty).Trim(),
        FirstSeen(obj, now),
        (long)obj.Occurrences,
        PrintCells.Name(obj),
    ];

    private static string FirstNonEmpty(string? preferred, string? fallback) =>
        !string.IsNullOrEmpty(preferred) ? preferred : fallback ?? string.Empty;
}
