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

    protected override object?[] RowOf(Event obj, DateTimeOffset now)
    {
        var firstSeen = HumanDuration.IsMissing(obj.FirstTimestamp)
            ? HumanDuration.Age(obj.EventTime, now)
            : HumanDuration.Age(obj.FirstTimestamp, now);
        var lastSeen = HumanDuration.IsMissing(obj.LastTimestamp) ? firstSeen : HumanDuration.Age(obj.LastTimestamp, now);

        // Events of the events.k8s.io API carry a series instead of a count; a singleton has neither.
        long count = obj.Count ?? 0;
        if (obj.Series is { } series)
        {
            lastSeen = HumanDuration.Age(series.LastObservedTime, now);
            count = series.Count ?? 0;
        }
        else if (count == 0)
        {
            count = 1;
        }

        var involved = obj.InvolvedObject;
        var kind = (involved?.Kind ?? string.Empty).ToLowerInvariant();
        var target = string.IsNullOrEmpty(involved?.Name) ? kind : $"{kind}/{involved.Name}";
        return
        [
            lastSeen,
            obj.Type ?? string.Empty,
            obj.Reason ?? string.Empty,
            target,
            involved?.FieldPath ?? string.Empty,
            Source(obj),
            (obj.Message ?? string.Empty).Trim(),
            firstSeen,
            count,
            PrintCells.Name(obj),
        ];
    }

    // "component, host", falling back to the reporting controller and instance, and leaving out an empty host.
    private static string Source(Event obj)
    {
        var component = FirstNonEmpty(obj.Source?.Component, obj.ReportingComponent);
        var host = FirstNonEmpty(obj.Source?.Host, obj.ReportingInstance);
        return host.Length == 0 ? component : $"{component}, {host}";
    }

    private static string FirstNonEmpty(string? preferred, string? fallback) =>
        !string.IsNullOrEmpty(preferred) ? preferred : fallback ?? string.Empty;
}
