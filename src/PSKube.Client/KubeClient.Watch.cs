using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>How long one watch request stays open before it is renewed (the server may end it sooner).</summary>
    private static readonly TimeSpan WatchRenewal = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One watch request: the changes after <paramref name="resourceVersion"/> (or, without one, the current objects
    /// as ADDED first) until the server ends the stream. Errors the server sends in the stream arrive as Error events.
    /// </summary>
    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        ResourceDefinition resource, string? @namespace, string? resourceVersion, ListOptions? selection = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : KubeObject =>
        WatchOnceAsync<T>(resource, @namespace, resourceVersion, selection, timeout, null, cancellationToken);

    /// <summary><see cref="WatchAsync{T}"/>, calling <paramref name="connected"/> once the server has answered.</summary>
    private async IAsyncEnumerable<WatchEvent<T>> WatchOnceAsync<T>(
        ResourceDefinition resource, string? @namespace, string? resourceVersion, ListOptions? selection,
        TimeSpan? timeout, Action? connected, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : KubeObject
    {
        selection ??= new ListOptions();
        var path = WithQuery(ListPath(resource, @namespace),
        [
            ("allowWatchBookmarks", "true"),
            ("fieldSelector", selection.FieldSelector),
            ("labelSelector", selection.LabelSelector),
            ("resourceVersion", resourceVersion),
            ("timeoutSeconds", ((int)(timeout ?? WatchRenewal).TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("watch", "true"),
        ]);
        using var response = await _connection.SendAsync(Request(HttpMethod.Get, path), streaming: true, cancellationToken);
        connected?.Invoke();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return ParseWatchLine<T>(line, resource);
            }
        }
    }

    /// <summary>
    /// Lists, then watches from the list's resourceVersion, for as long as the token allows: the way a controller
    /// follows a kind. Each object comes first as ADDED, then its changes. Dropped connections and ended watches
    /// resume from the last resourceVersion seen (nothing lost, nothing repeated); a 410 Expired lists again and
    /// reports only what differs (objects gone meanwhile come as DELETED). Bookmarks are used, not yielded.
    /// <paramref name="health"/> hears of each reconnect and of long outages, and bounds how long reconnecting may
    /// fail; a TLS or authentication failure ends the watch at once.
    /// </summary>
    public IAsyncEnumerable<WatchEvent<T>> ListAndWatchAsync<T>(
        ResourceDefinition resource, string? @namespace, ListOptions? selection = null, StreamHealthOptions? health = null, CancellationToken cancellationToken = default)
        where T : KubeObject =>
        FollowAsync(resource, @namespace, selection, new Dictionary<string, T>(StringComparer.Ordinal), null, health, cancellationToken);

    /// <summary>
    /// As <see cref="ListAndWatchAsync{T}"/>, going on from a list the caller made itself (<paramref name="listed"/>,
    /// read at <paramref name="version"/>): the watch starts there, so what changed between that list and the watch
    /// (a pod deleted meanwhile) still comes as an event; the listed objects are not repeated.
    /// </summary>
    internal IAsyncEnumerable<WatchEvent<T>> WatchAfterListAsync<T>(
        ResourceDefinition resource, string? @namespace, ListOptions? selection, IEnumerable<T> listed, string version, StreamHealthOptions? health, CancellationToken cancellationToken)
        where T : KubeObject =>
        FollowAsync(resource, @namespace, selection, listed.ToDictionary(o => $"{o.Namespace}/{o.Name}", StringComparer.Ordinal), version, health, cancellationToken);

    /// <summary>
    /// The loop of <see cref="ListAndWatchAsync{T}"/>: with a <paramref name="version"/>, it watches from there first,
    /// <paramref name="known"/> holding what the caller's own list found; without one, it lists first.
    /// </summary>
    private async IAsyncEnumerable<WatchEvent<T>> FollowAsync<T>(
        ResourceDefinition resource, string? @namespace, ListOptions? selection, Dictionary<string, T> known, string? version,
        StreamHealthOptions? health, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : KubeObject
    {
        var path = ListPath(resource, @namespace);
        var reconnects = new ReconnectTracker(health, _connection.Endpoint.Server, $"Watch of {path}", path);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (version is null)
            {
                var (items, listVersion) = await ListAllAsync<T>(resource, @namespace, selection, cancellationToken);
                foreach (var change in Resynchronize(known, items))
                {
                    yield return change;
                }
                version = listVersion;
            }

            var relist = false;
            var started = DateTimeOffset.UtcNow;
            var delivered = false;
            var failed = false;
            await using var events = WatchOnceAsync<T>(resource, @namespace, version, selection, null, reconnects.Connected, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                WatchEvent<T> change;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }
                    change = events.Current;
                    delivered = true;
                }
                catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Gone)
                {
                    relist = true;
                    break;
                }
                catch (Exception e) when (e is IOException or HttpRequestException or KubeApiUnreachableException && !cancellationToken.IsCancellationRequested)
                {
                    // The connection dropped (or the server restarts): resume from the last version seen, after a growing pause.
                    if (!reconnects.Failed(e))
                    {
                        throw reconnects.GiveUp(e);
                    }
                    await Task.Delay(reconnects.Pause(), cancellationToken);
                    failed = true;
                    break;
                }
                catch (Exception e) when (e is IOException or HttpRequestException or KubeApiUnreachableException && cancellationToken.IsCancellationRequested)
                {
                    // Stopping tears the stream down, and a cut may race with it: either way the caller stopped the watch.
                    throw new OperationCanceledException("The watch was stopped.", e, cancellationToken);
                }

                if (change.Type == WatchEventType.Error)
                {
                    if (change.Error?.Code == (int)HttpStatusCode.Gone)
                    {
                        relist = true;
                        break;
                    }
                    throw new KubeApiException((HttpStatusCode)(change.Error?.Code ?? 500), change.Error ?? new Status(), "WATCH", ListPath(resource, @namespace));
                }
                version = change.ResourceVersion ?? version;
                if (change.Type == WatchEventType.Bookmark || change.Object is null)
                {
                    continue;
                }
                var key = $"{change.Object.Namespace}/{change.Object.Name}";
                if (change.Type == WatchEventType.Deleted)
                {
                    known.Remove(key);
                }
                else if (known.TryGetValue(key, out var previous) && previous.Metadata?.ResourceVersion == change.ResourceVersion)
                {
                    continue;
                }
                else
                {
                    known[key] = change.Object;
                }
                yield return change;
            }
            if (relist)
            {
                version = null;
            }
            else if (!delivered && !failed && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(1))
            {
                // A server that ends watches at once must not be asked again in a tight loop.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the named object, until it is deleted, or until the
    /// timeout passes, following it with a list and a watch as kubectl wait does. An object the list does not
    /// find is Deleted at once: callers look it up first, so it went after they saw it.
    /// </summary>
    public async Task<WaitResult<T>> WaitAsync<T>(ResourceDefinition resource, string? @namespace, string name, Func<T, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
        where T : KubeObject
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var selection = new ListOptions { FieldSelector = "metadata.name=" + Selectors.FieldSelector.EscapeValue(name) };
        var scope = resource.Namespaced ? @namespace ?? DefaultNamespace : null;
        T? last = null;
        try
        {
            // Not listed: it went after the caller saw it, and no watch event from here on would say so.
            var (items, version) = await ListAllAsync<T>(resource, scope, selection, deadline.Token);
            if (items.Count == 0)
            {
                return new WaitResult<T>(WaitOutcome.Deleted, null);
            }
            last = items[0];
            if (condition(last))
            {
                return new WaitResult<T>(WaitOutcome.ConditionMet, last);
            }
            var known = new Dictionary<string, T>(StringComparer.Ordinal) { [$"{last.Namespace}/{last.Name}"] = last };
            await foreach (var change in FollowAsync(resource, scope, selection, known, version, null, deadline.Token))
            {
                if (change.Type == WatchEventType.Deleted)
                {
                    return new WaitResult<T>(WaitOutcome.Deleted, null);
                }
                last = change.Object;
                if (last is not null && condition(last))
                {
                    return new WaitResult<T>(WaitOutcome.ConditionMet, last);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WaitResult<T>(WaitOutcome.TimedOut, last);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new WaitResult<T>(WaitOutcome.TimedOut, last);
    }

    /// <summary>Waits until the named object no longer exists (it may already be gone).</summary>
    public async Task<bool> WaitForDeletionAsync<T>(ResourceDefinition resource, string? @namespace, string name, TimeSpan timeout, CancellationToken cancellationToken)
        where T : KubeObject
    {
        var result = await WaitAsync<T>(resource, @namespace, name, _ => false, timeout, cancellationToken);
        return result.Outcome == WaitOutcome.Deleted;
    }

    /// <summary>After a (re)list: ADDED for new objects, MODIFIED for changed ones, DELETED for those gone.</summary>
    private static IEnumerable<WatchEvent<T>> Resynchronize<T>(Dictionary<string, T> known, IReadOnlyList<T> listed)
        where T : KubeObject
    {
        var current = listed.ToDictionary(o => $"{o.Namespace}/{o.Name}", StringComparer.Ordinal);
        foreach (var (key, gone) in known.Where(k => !current.ContainsKey(k.Key)).ToList())
        {
            known.Remove(key);
            yield return new WatchEvent<T>(WatchEventType.Deleted, gone, null, gone.Metadata?.ResourceVersion);
        }
        foreach (var (key, obj) in current)
        {
            var had = known.TryGetValue(key, out var previous);
            if (had && previous!.Metadata?.ResourceVersion == obj.Metadata?.ResourceVersion)
            {
                continue;
            }
            known[key] = obj;
            yield return new WatchEvent<T>(had ? WatchEventType.Modified : WatchEventType.Added, obj, null, obj.Metadata?.ResourceVersion);
        }
    }

    private WatchEvent<T> ParseWatchLine<T>(string line, ResourceDefinition resource)
        where T : KubeObject
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString() switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            _ => WatchEventType.Error,
        };
        var payload = root.GetProperty("object");
        if (type == WatchEventType.Error)
        {
            return new WatchEvent<T>(type, null, KubeJson.Deserialize<Status>(payload), null);
        }
        var obj = Complete(KubeJson.Deserialize<T>(payload)!, resource);
        return new WatchEvent<T>(type, type == WatchEventType.Bookmark ? null : obj, null, obj.Metadata?.ResourceVersion);
    }
}
