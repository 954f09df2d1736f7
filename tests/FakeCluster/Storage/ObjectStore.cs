using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Storage;

/// <summary>
/// The in-memory etcd of the fake cluster: objects by resource in key order (namespace/name), one resourceVersion
/// counter, a bounded history of changes for watches that resume, the live watches, list snapshots kept for
/// continue tokens, and leases that expire objects (events).
/// Every write happens under <see cref="Gate"/>, so a handler can read, check and write atomically. Stored versions
/// are immutable (<see cref="StoredObject"/>) and each write publishes a new state (resourceVersion and collections,
/// sharing the unchanged parts), so reads take no lock: a snapshot is taken in constant time and read, filtered and
/// copied while control loops write. Callers get copies.
/// </summary>
public sealed class ObjectStore(int historyCapacity, FakeClock? clock = null)
{
    /// <summary>
    /// How long a list's snapshot stays readable for its continue tokens: the API server's etcd is compacted every
    /// five minutes, and continuing from a compacted revision is 410 Expired. Compaction follows the wall clock, not
    /// the simulated one: a sped-up cluster keeps snapshots five real minutes (so a slow paged list at 30x still ends).
    /// </summary>
    public static TimeSpan SnapshotRetention { get; } = TimeSpan.FromMinutes(5);

    internal static IComparer<StoredObject> KeyOrder { get; } = Comparer<StoredObject>.Create(StoredObject.CompareKeys);

    private static readonly IComparer<Lease> LeaseOrder = Comparer<Lease>.Create((left, right) =>
        left.ExpiresAt != right.ExpiresAt ? left.ExpiresAt.CompareTo(right.ExpiresAt) : left.Sequence.CompareTo(right.Sequence));

    private readonly FakeClock _clock = clock ?? new FakeClock();
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private readonly Dictionary<(ResourceDefinition Resource, long Version), StoreSnapshot> _kept = [];
    private readonly Queue<(DateTimeOffset Until, ResourceDefinition Resource, long Version)> _keptOrder = new();
    private readonly Dictionary<ResourceDefinition, TimeSpan> _timeToLive = [];
    private readonly SortedSet<Lease> _leases = new(LeaseOrder);
    private readonly Dictionary<(ResourceDefinition Resource, string Key), Lease> _leaseOf = [];
    private readonly object _keptGate = new();
    private State _state = new(1000, ImmutableDictionary<ResourceDefinition, ImmutableList<StoredObject>>.Empty);
    private long _forgottenUpTo;
    private long _leaseSequence;
    private long _listedObjects;

    /// <summary>Held for every write. Re-entrant, so a handler may hold it across several calls.</summary>
    public object Gate { get; } = new();

    /// <summary>
    /// Every change, in order, as it is made (under <see cref="Gate"/>): the fake's control loops feed their work
    /// queues from it as real controllers do from informers. Handlers must not keep the objects nor write to the store.
    /// </summary>
    public event Action<WatchEvent>? Changed;

    public long ResourceVersion => Current.ResourceVersion;

    /// <summary>How many stored objects list pages have read so far, for tests that check paging reads each once.</summary>
    public long ListedObjects => Interlocked.Read(ref _listedObjects);

    public JsonObject? Get(ResourceDefinition resource, string? @namespace, string name) =>
        Stored(resource, @namespace, name)?.Copy();

    /// <summary>The stored version of one object, to read without copying (never change it).</summary>
    public StoredObject? Stored(ResourceDefinition resource, string? @namespace, string name)
    {
        var objects = Collection(resource);
        var index = IndexOf(objects, Key(resource, @namespace, name));
        return index >= 0 ? objects[index] : null;
    }

    /// <summary>Copies of the objects of a resource that pass the filter, in key order (namespace/name), optionally of one namespace.</summary>
    public IReadOnlyList<(string Key, JsonObject Object)> List(ResourceDefinition resource, string? @namespace, Func<JsonObject, bool> filter)
    {
        var result = new List<(string, JsonObject)>();
        foreach (var stored in Read(resource).Range(@namespace))
        {
            if (filter(stored.Object))
            {
                result.Add((stored.Key, stored.Copy()));
            }
        }
        return result;
    }

    /// <summary>The objects of a resource as they are now, with the resourceVersion they are at.</summary>
    public StoreSnapshot Read(ResourceDefinition resource)
    {
        var state = Current;
        return new StoreSnapshot(this, resource, state.ResourceVersion, state.Objects.GetValueOrDefault(resource) ?? []);
    }

    /// <summary>Keeps a snapshot readable for <see cref="SnapshotRetention"/> of real time, for the continue tokens of a paged list.</summary>
    public void Keep(StoreSnapshot snapshot)
    {
        lock (_keptGate)
        {
            ForgetOldSnapshots();
            if (_kept.TryAdd((snapshot.Resource, snapshot.ResourceVersion), snapshot))
            {
                _keptOrder.Enqueue((_clock.Now + SnapshotRetention * Math.Max(1, _clock.Scale), snapshot.Resource, snapshot.ResourceVersion));
            }
        }
    }

    /// <summary>A snapshot kept at <paramref name="resourceVersion"/>, or null once it is compacted away.</summary>
    public StoreSnapshot? Kept(ResourceDefinition resource, long resourceVersion)
    {
        lock (_keptGate)
        {
            ForgetOldSnapshots();
            return _kept.GetValueOrDefault((resource, resourceVersion));
        }
    }

    /// <summary>Stores a new object, giving it the next resourceVersion.</summary>
    public JsonObject Add(ResourceDefinition resource, JsonObject obj)
    {
        StoredObject stored;
        lock (Gate)
        {
            var key = Key(resource, obj);
            var objects = Collection(resource);
            var index = IndexOf(objects, key);
            if (index >= 0)
            {
                throw new ArgumentException($"An object is already stored under {key}.", nameof(obj));
            }
            var version = Current.ResourceVersion + 1;
            stored = StoredObject.Stamp(key, obj, version);
            Commit(resource, objects.Insert(~index, stored), version);
            RenewLease(resource, key);
            Publish(new WatchEvent(version, WatchEventType.Added, resource, stored.Object));
        }
        return stored.Copy();
    }

    /// <summary>Replaces a stored object, giving it the next resourceVersion.</summary>
    public JsonObject Replace(ResourceDefinition resource, JsonObject obj)
    {
        StoredObject stored;
        lock (Gate)
        {
            var key = Key(resource, obj);
            var objects = Collection(resource);
            var index = IndexOf(objects, key);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No object is stored under {key}.");
            }
            var previous = objects[index];
            var version = Current.ResourceVersion + 1;
            stored = StoredObject.Stamp(key, obj, version);
            Commit(resource, objects.SetItem(index, stored), version);
            RenewLease(resource, key);
            Publish(new WatchEvent(version, WatchEventType.Modified, resource, stored.Object, previous.Object));
        }
        return stored.Copy();
    }

    /// <summary>Removes an object for good; the DELETED event carries it with a new resourceVersion.</summary>
    public JsonObject? Remove(ResourceDefinition resource, string? @namespace, string name)
    {
        lock (Gate)
        {
            return RemoveStored(resource, Key(resource, @namespace, name))?.Copy();
        }
    }

    /// <summary>
    /// Removes many objects of one resource in one store operation (a deletecollection): each gets its own
    /// resourceVersion and DELETED event, as etcd deletes each key in a revision of its own. Returns the final
    /// versions in the order asked, null for those already gone.
    /// </summary>
    public IReadOnlyList<JsonObject?> RemoveAll(ResourceDefinition resource, IEnumerable<(string? Namespace, string Name)> names)
    {
        var removed = new List<StoredObject?>();
        lock (Gate)
        {
            foreach (var (@namespace, name) in names)
            {
                removed.Add(RemoveStored(resource, Key(resource, @namespace, name)));
            }
        }
        return removed.Select(final => final?.Copy()).ToList();
    }

    /// <summary>Copies of every stored object of every resource that passes the filter, for background work such as finishing graceful deletions.</summary>
    public IReadOnlyList<(ResourceDefinition Resource, JsonObject Object)> Snapshot(Func<ResourceDefinition, JsonObject, bool> filter)
    {
        var result = new List<(ResourceDefinition, JsonObject)>();
        foreach (var (resource, objects) in Current.Objects)
        {
            foreach (var stored in objects)
            {
                if (filter(resource, stored.Object))
                {
                    result.Add((resource, stored.Copy()));
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Objects of <paramref name="resource"/> go <paramref name="timeToLive"/> of cluster time after their last write,
    /// as the API server stores events under an etcd lease (--event-ttl, one hour by default).
    /// </summary>
    public void ExpireAfter(ResourceDefinition resource, TimeSpan timeToLive)
    {
        lock (Gate)
        {
            _timeToLive[resource] = timeToLive;
        }
    }

    /// <summary>Deletes the objects whose lease has run out on the cluster clock: watchers see each go as DELETED.</summary>
    public void ExpireLeases()
    {
        lock (Gate)
        {
            var now = _clock.Now;
            while (_leases.Min is { } lease && lease.ExpiresAt <= now)
            {
                _leases.Remove(lease);
                _leaseOf.Remove((lease.Resource, lease.Key));
                RemoveStored(lease.Resource, lease.Key);
            }
        }
    }

    /// <summary>Expires leases every <paramref name="interval"/> of real time until cancelled.</summary>
    public async Task RunLeaseExpiryAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                ExpireLeases();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Starts a watch. With <paramref name="fromVersion"/> null the current objects come first as ADDED events;
    /// otherwise every remembered change after that version is replayed. A version older than the history is 410 Expired.
    /// </summary>
    public WatchSubscription Watch(ResourceDefinition resource, string? @namespace, Func<JsonObject, bool> filter, long? fromVersion)
    {
        lock (Gate)
        {
            if (fromVersion is { } version && version < _forgottenUpTo)
            {
                throw new ResourceVersionTooOldException(version, _forgottenUpTo);
            }
            var subscription = new WatchSubscription(this, resource, @namespace, filter);
            if (fromVersion is null)
            {
                var snapshot = Read(resource);
                foreach (var stored in snapshot.Range(@namespace))
                {
                    subscription.Offer(new WatchEvent(snapshot.ResourceVersion, WatchEventType.Added, resource, stored.Object));
                }
            }
            else
            {
                foreach (var change in _history.Where(e => e.ResourceVersion > fromVersion))
                {
                    subscription.Offer(change);
                }
            }
            _watches.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Queues a BOOKMARK at the current resourceVersion behind every event already queued for this watch.</summary>
    public void Bookmark(WatchSubscription subscription)
    {
        lock (Gate)
        {
            var version = Current.ResourceVersion;
            var marker = new JsonObject
            {
                ["kind"] = subscription.Resource.Kind,
                ["apiVersion"] = subscription.Resource.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            subscription.Offer(new WatchEvent(version, WatchEventType.Bookmark, subscription.Resource, marker));
        }
    }

    internal void Unsubscribe(WatchSubscription subscription)
    {
        lock (Gate)
        {
            _watches.Remove(subscription);
        }
    }

    internal void CountListed(int count) => Interlocked.Add(ref _listedObjects, count);

    private StoredObject? RemoveStored(ResourceDefinition resource, string key)
    {
        var objects = Collection(resource);
        var index = IndexOf(objects, key);
        if (index < 0)
        {
            return null;
        }
        var version = Current.ResourceVersion + 1;
        var final = StoredObject.Stamp(key, objects[index].Object, version);
        Commit(resource, objects.RemoveAt(index), version);
        if (_leaseOf.Remove((resource, key), out var lease))
        {
            _leases.Remove(lease);
        }
        Publish(new WatchEvent(version, WatchEventType.Deleted, resource, final.Object));
        return final;
    }

    private void RenewLease(ResourceDefinition resource, string key)
    {
        if (!_timeToLive.TryGetValue(resource, out var timeToLive))
        {
            return;
        }
        if (_leaseOf.Remove((resource, key), out var old))
        {
            _leases.Remove(old);
        }
        var lease = new Lease(_clock.Now + timeToLive, ++_leaseSequence, resource, key);
        _leases.Add(lease);
        _leaseOf[(resource, key)] = lease;
    }

    private void ForgetOldSnapshots()
    {
        var now = _clock.Now;
        while (_keptOrder.TryPeek(out var oldest) && oldest.Until <= now)
        {
            _keptOrder.Dequeue();
            _kept.Remove((oldest.Resource, oldest.Version));
        }
    }

    private void Publish(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > historyCapacity)
        {
            _forgottenUpTo = _history.Dequeue().ResourceVersion;
        }
        foreach (var watch in _watches)
        {
            watch.Offer(change);
        }
        Changed?.Invoke(change);
    }

    /// <summary>The latest state; writers (under <see cref="Gate"/>) replace it whole, so readers see one consistent state.</summary>
    private State Current => Volatile.Read(ref _state);

    private ImmutableList<StoredObject> Collection(ResourceDefinition resource) =>
        Current.Objects.GetValueOrDefault(resource) ?? [];

    /// <summary>Publishes a write: the resource's new collection at the new resourceVersion (under <see cref="Gate"/>).</summary>
    private void Commit(ResourceDefinition resource, ImmutableList<StoredObject> objects, long version) =>
        Volatile.Write(ref _state, new State(version, Current.Objects.SetItem(resource, objects)));

    private static int IndexOf(ImmutableList<StoredObject> objects, string key) =>
        objects.BinarySearch(StoredObject.Probe(key), KeyOrder);

    private static string Key(ResourceDefinition resource, JsonObject obj)
    {
        var metadata = obj["metadata"]!;
        return Key(resource, (string?)metadata["namespace"], (string)metadata["name"]!);
    }

    private static string Key(ResourceDefinition resource, string? @namespace, string name) =>
        resource.Namespaced ? $"{@namespace}/{name}" : name;

    /// <summary>Everything stored, at one resourceVersion.</summary>
    private sealed record State(long ResourceVersion, ImmutableDictionary<ResourceDefinition, ImmutableList<StoredObject>> Objects);

    /// <summary>When an object goes by itself; <see cref="Sequence"/> orders leases that end at the same moment.</summary>
    private sealed record Lease(DateTimeOffset ExpiresAt, long Sequence, ResourceDefinition Resource, string Key);
}

/// <summary>A live watch: the changes that concern it, as a channel the HTTP response drains.</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly ObjectStore _store;
    private readonly string? _namespace;
    private readonly Func<JsonObject, bool> _filter;
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    internal WatchSubscription(ObjectStore store, ResourceDefinition resource, string? @namespace, Func<JsonObject, bool> filter)
    {
        _store = store;
        Resource = resource;
        _namespace = @namespace;
        _filter = filter;
    }

    public ResourceDefinition Resource { get; }

    public ChannelReader<WatchEvent> Events => _events.Reader;

    /// <summary>
    /// Queues a change if it concerns this watch. As on a real server, an object that starts matching the selectors
    /// arrives as ADDED and one that stops matching as DELETED.
    /// </summary>
    internal void Offer(WatchEvent change)
    {
        if (change.Resource != Resource)
        {
            return;
        }
        if (change.Type == WatchEventType.Bookmark)
        {
            _events.Writer.TryWrite(change);
            return;
        }
        var matchesNow = Concerns(change.Object);
        var matchedBefore = change.Previous is not null && Concerns(change.Previous);
        var type = change.Type switch
        {
            WatchEventType.Modified when matchesNow && !matchedBefore => WatchEventType.Added,
            WatchEventType.Modified when !matchesNow && matchedBefore => WatchEventType.Deleted,
            WatchEventType.Modified when !matchesNow => (WatchEventType?)null,
            _ when !matchesNow => null,
            _ => change.Type,
        };
        if (type is { } delivered)
        {
            _events.Writer.TryWrite(change with { Type = delivered, Previous = null });
        }
    }

    private bool Concerns(JsonObject obj) =>
        (_namespace is null || !Resource.Namespaced || (string?)obj["metadata"]?["namespace"] == _namespace) && _filter(obj);

    public void Dispose()
    {
        _events.Writer.TryComplete();
        _store.Unsubscribe(this);
    }
}

/// <summary>The watch asked for a resourceVersion the store no longer remembers changes after.</summary>
public sealed class ResourceVersionTooOldException(long requested, long oldest)
    : Exception($"too old resource version: {requested} ({oldest})");
