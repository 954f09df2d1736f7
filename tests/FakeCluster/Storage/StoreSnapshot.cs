using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Storage;

/// <summary>
/// The objects of one resource as they were at one resourceVersion, in key order, as etcd serves a range at a
/// revision: taken in constant time (stored versions never change and writes build new collections that share
/// the unchanged parts), and read without the store's lock.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly ObjectStore _store;
    private readonly ImmutableList<StoredObject> _objects;

    internal StoreSnapshot(ObjectStore store, ResourceDefinition resource, long resourceVersion, ImmutableList<StoredObject> objects)
    {
        _store = store;
        Resource = resource;
        ResourceVersion = resourceVersion;
        _objects = objects;
    }

    public ResourceDefinition Resource { get; }

    /// <summary>The store's resourceVersion when the snapshot was taken: what a list from it reports.</summary>
    public long ResourceVersion { get; }

    /// <summary>
    /// The objects of <paramref name="namespace"/> (every namespace when null) in key order, from the first key at or
    /// after <paramref name="fromKey"/>. Finding where to start costs a search, not a scan of what comes before.
    /// </summary>
    public IEnumerable<StoredObject> Range(string? @namespace, string? fromKey = null)
    {
        var (start, end) = Bounds(@namespace, fromKey);
        for (var i = start; i < end; i++)
        {
            yield return _objects[i];
        }
    }

    /// <summary>
    /// One page of a list: up to <paramref name="limit"/> objects that pass <paramref name="filter"/>, reading from
    /// <paramref name="fromKey"/> on and no further than needed, as the API server reads etcd page by page.
    /// </summary>
    public SnapshotPage Page(string? @namespace, string? fromKey, Func<JsonObject, bool> filter, int? limit)
    {
        var (start, end) = Bounds(@namespace, fromKey);
        var items = new List<StoredObject>();
        var next = start;
        while (next < end && (limit is null || items.Count < limit))
        {
            var stored = _objects[next++];
            if (filter(stored.Object))
            {
                items.Add(stored);
            }
        }
        _store.CountListed(next - start);
        return next < end
            ? new SnapshotPage(items, _objects[next - 1].Key, end - next)
            : new SnapshotPage(items, null, 0);
    }

    /// <summary>The index range of a namespace's keys (namespace/...), narrowed to keys at or after fromKey.</summary>
    private (int Start, int End) Bounds(string? @namespace, string? fromKey)
    {
        var prefix = Resource.Namespaced && @namespace is not null ? @namespace + "/" : "";
        var from = fromKey is not null && string.CompareOrdinal(fromKey, prefix) > 0 ? fromKey : prefix;
        var start = from.Length == 0 ? 0 : IndexAtOrAfter(from);
        // Keys of the namespace all start "ns/", and '0' is the character after '/'.
        var end = prefix.Length == 0 ? _objects.Count : IndexAtOrAfter(@namespace + "0");
        return (start, Math.Max(start, end));
    }

    private int IndexAtOrAfter(string key)
    {
        var index = _objects.BinarySearch(StoredObject.Probe(key), ObjectStore.KeyOrder);
        return index >= 0 ? index : ~index;
    }
}

/// <summary>
/// A page read from a snapshot: its objects; the key of the last object read when more follow (the list continues
/// after it), and how many keys follow it.
/// </summary>
public sealed record SnapshotPage(IReadOnlyList<StoredObject> Items, string? LastKey, int Remaining);
