using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>The Events section every description ends with: oldest first, with kubectl's columns.</summary>
internal static class EventsSection
{
    public static void Write(DescriptionWriter w, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        if (events.Count == 0)
        {
            w.Field(0, "Events", DescribeText.None);
            return;
        }
        w.Line(0, "Events:");
        w.Line(1, "Type\tReason\tAge\tFrom\tMessage");
        w.Line(1, "----\t------\t----\t----\t-------");
        foreach (var @event in events)
        {
            w.Line(1, $"{@event.Type}\t{@event.Reason}\t{Interval(@event, now)}\t{From(@event)}\t{(@event.Message ?? "").Trim()}");
        }
    }

    /// <summary>kubectl's AGE of an event: since it first happened, and for a repeated one since it last did, how often, over how long.</summary>
    public static string Interval(Event @event, DateTimeOffset now)
    {
        var first = DescribeText.Age(@event.EventTime ?? @event.FirstTimestamp, now);
        if (@event.Series is { } series)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{DescribeText.Age(series.LastObservedTime, now)} (x{series.Count ?? 0} over {first})");
        }
        return @event.Count > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{DescribeText.Age(@event.LastTimestamp, now)} (x{@event.Count} over {first})")
            : first;
    }

    /// <summary>Who reported the event: the source component, else the reporting controller.</summary>
    public static string? From(Event @event) =>
        string.IsNullOrEmpty(@event.Source?.Component) ? @event.ReportingComponent : @event.Source.Component;
}
