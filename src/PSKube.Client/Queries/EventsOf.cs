using System.Globalization;
using System.Runtime.CompilerServices;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Selectors;

namespace PSKube.Client.Queries;

/// <summary>
/// Events as kubectl shows them: those about one object found as kubectl describe finds them (by the involved
/// object's name, namespace, uid and kind), oldest first as <c>kubectl get events --sort-by</c> a timestamp orders them.
/// </summary>
public static class EventsOf
{
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;

    /// <summary>
    /// The events about <paramref name="involved"/>: in its namespace (every namespace for a cluster-scoped object
    /// such as a node, whose events may be recorded anywhere), selected by the fields describe uses.
    /// </summary>
    public static EventQuery Query(KubeObject involved)
    {
        ArgumentNullException.ThrowIfNull(involved);
        var name = involved.Name ?? throw new ArgumentException("The object has no name, so it has no events to find.", nameof(involved));
        var @namespace = string.IsNullOrEmpty(involved.Namespace) ? null : involved.Namespace;
        var fields = new List<string>
        {
            "involvedObject.name=" + FieldSelector.EscapeValue(name),
            "involvedObject.namespace=" + FieldSelector.EscapeValue(@namespace ?? ""),
        };
        if (!string.IsNullOrEmpty(involved.Metadata?.Uid))
        {
            fields.Add("involvedObject.uid=" + FieldSelector.EscapeValue(involved.Metadata.Uid));
        }
        if (!string.IsNullOrEmpty(involved.Kind))
        {
            fields.Add("involvedObject.kind=" + FieldSelector.EscapeValue(involved.Kind));
        }
        return new EventQuery(@namespace, new ListOptions { FieldSelector = string.Join(',', fields) });
    }

    /// <summary>When the event last happened: lastTimestamp, else eventTime, firstTimestamp, creationTimestamp.</summary>
    public static DateTimeOffset? When(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.LastTimestamp ?? @event.EventTime ?? @event.FirstTimestamp ?? @event.Metadata?.CreationTimestamp;
    }

    /// <summary>
    /// Oldest first. Timestamps have whole seconds only, so events of one second keep the order the server stored
    /// them in (their resourceVersions grow with every write), else the order they were listed in.
    /// </summary>
    public static IReadOnlyList<Event> Ordered(IEnumerable<Event> events) =>
        events.OrderBy(e => When(e) ?? DateTimeOffset.MinValue).ThenBy(Revision).ToList();

    /// <summary>The events <paramref name="query"/> selects, oldest first.</summary>
    public static async Task<IReadOnlyList<Event>> ListAsync(KubeClient client, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        var (items, _) = await client.ListAllAsync<Event>(Events, query.Namespace, query.Options, cancellationToken);
        return Ordered(items);
    }

    /// <summary>
    /// The events <paramref name="query"/> selects, oldest first, then each new or updated one (a repeat bumps the
    /// count) as it comes, until cancelled (kubectl get events -w). Reconnects resume without repeating an event.
    /// </summary>
    public static async IAsyncEnumerable<Event> FollowAsync(KubeClient client, EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        var (items, _) = await client.ListAllAsync<Event>(Events, query.Namespace, query.Options, cancellationToken);
        var seen = items.Select(Version).ToHashSet(StringComparer.Ordinal);
        foreach (var @event in Ordered(items))
        {
            yield return @event;
        }
        // The watch lists again first: what the first list had is skipped, what came meanwhile is not lost.
        await foreach (var change in client.ListAndWatchAsync<Event>(Events, query.Namespace, query.Options, cancellationToken: cancellationToken))
        {
            if (change.Type is WatchEventType.Added or WatchEventType.Modified && change.Object is { } @event && seen.Add(Version(@event)))
            {
                yield return @event;
            }
        }
    }

    private static string Version(Event @event) => $"{@event.Metadata?.Uid}/{@event.Metadata?.ResourceVersion}";

    // resourceVersions are opaque in principle but numeric on etcd-backed servers; others sort last, in list order.
    private static long Revision(Event @event) =>
        long.TryParse(@event.Metadata?.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : long.MaxValue;
}
