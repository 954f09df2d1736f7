using System.Text.Json.Nodes;
using System.Threading.Channels;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Storage;

/// <summary>
/// The in-memory etcd of the fake cluster: objects by resource, namespace and name, one resourceVersion counter,
/// a bounded history of changes for watches that resume, and the live watches.
/// Every read and write happens under <see cref="Gate"/>, so a handler can read, check and write atomically.
/// Stored objects are never handed out: callers get copies.
/// </summary>
public sealed class ObjectStore(int historyCapacity)
{
    private readonly Dictionary<ResourceDefinition, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private long _resourceVersion = 1000;
    private long _forgottenUpTo;

    /// <summary>Held for every read and write. Re-entrant, so a handler may hold it across several calls.</summary>
    public object Gate { get; } = new();

    /// <summary>
    /// Every change, in order, as it is made (under <see cref="Gate"/>): the fake's control loops feed their work
    /// queues from it as real controllers do from informers. Handlers must not keep the objects nor write to the store.
    /// </summary>
    public event Action<WatchEvent>? Changed;

    public long ResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _resourceVersion;
            }
        }
    }

    public JsonObject? Get(ResourceDefinition resource, string? @namespace, string name)
    {
        lock (Gate)
        {
            return Collection(resource).TryGetValue(Key(resource, @namespace, name), out var stored)
                ? stored.DeepClone().AsObject()
                : null;
        }
    }

    /// <summary>The objects of a resource in key order (namespace/name), optionally of one namespace, after <paramref name="startAfter"/>.</summary>
    public IReadOnlyList<(string Key, JsonObject Object)> List(ResourceDefinition resource, string? @namespace, Func<JsonObject, bool> filter, string? startAfter = null)
    {
        lock (Gate)
        {
            var prefix = resource.Namespaced && @namespace is not null ? @namespace + "/" : null;
            var result = new List<(string, JsonObject)>();
            foreach (var (key, stored) in Collection(resource))
            {
                if ((prefix is null || key.StartsWith(prefix, StringComparison.Ordinal)) &&
                    (startAfter is null || string.CompareOrdinal(key, startAfter) > 0) &&
                    filter(stored))
                {
                    result.Add((key, stored.DeepClone().AsObject()));
                }
            }
            return result;
        }
    }

    /// <summary>Stores a new object, giving it the next resourceVersion.</summary>
    public JsonObject Add(ResourceDefinition resource, JsonObject obj)
    {
        lock (Gate)
        {
            var stored = Stamp(obj);
            Collection(resource).Add(Key(resource, stored), stored);
            Publish(new WatchEvent(_resourceVersion, WatchEventType.Added, resource, stored));
            return stored.DeepClone().AsObject();
        }
    }

    /// <summary>Replaces a stored object, giving it the next resourceVersion.</summary>
    public JsonObject Replace(ResourceDefinition resource, JsonObject obj)
    {
        lock (Gate)
        {
            var key = Key(resource, obj);
            var previous = Collection(resource)[key];
            var stored = Stamp(obj);
            Collection(resource)[key] = stored;
            Publish(new WatchEvent(_resourceVersion, WatchEventType.Modified, resource, stored, previous));
            return stored.DeepClone().AsObject();
        }
    }

    /// <summary>Removes an object for good; the DELETED event carries it with a new resourceVersion.</summary>
    public JsonObject? Remove(ResourceDefinition resource, string? @namespace, string name)
    {
        lock (Gate)
        {
            var key = Key(resource, @namespace, name);
            if (!Collection(resource).Remove(key, out var removed))
            {
                return null;
            }
            var final = Stamp(removed);
            Publish(new WatchEvent(_resourceVersion, WatchEventType.Deleted, resource, final));
            return final.DeepClone().AsObject();
        }
    }

    /// <summary>Every stored object of every resource, for background work such as finishing graceful deletions.</summary>
    public IReadOnlyList<(ResourceDefinition Resource, JsonObject Object)> Snapshot(Func<ResourceDefinition, JsonObject, bool> filter)
    {
        lock (Gate)
        {
            return _objects
                .SelectMany(pair => pair.Value.Values.Where(o => filter(pair.Key, o)).Select(o => (pair.Key, o.DeepClone().AsObject())))
                .ToList();
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
                foreach (var (_, obj) in List(resource, @namespace, filter))
                {
                    subscription.Offer(new WatchEvent(_resourceVersion, WatchEventType.Added, resource, obj));
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
            var marker = new JsonObject
            {
                ["kind"] = subscription.Resource.Kind,
                ["apiVersion"] = subscription.Resource.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            subscription.Offer(new WatchEvent(_resourceVersion, WatchEventType.Bookmark, subscription.Resource, marker));
        }
    }

    internal void Unsubscribe(WatchSubscription subscription)
    {
        lock (Gate)
        {
            _watches.Remove(subscription);
        }
    }

    private JsonObject Stamp(JsonObject obj)
    {
        // Re-parsing makes every value JSON-backed, as if it came off the wire, so numbers read back uniformly
        // whatever CLR type the code that built them used.
        var stored = JsonNode.Parse(obj.ToJsonString())!.AsObject();
        _resourceVersion++;
        var metadata = stored["metadata"] as JsonObject ?? throw new InvalidOperationException("Stored objects have metadata.");
        metadata["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return stored;
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

    private SortedDictionary<string, JsonObject> Collection(ResourceDefinition resource)
    {
        if (!_objects.TryGetValue(resource, out var collection))
        {
            collection = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[resource] = collection;
        }
        return collection;
    }

    private static string Key(ResourceDefinition resource, JsonObject obj)
    {
        var metadata = obj["metadata"]!;
        return Key(resource, (string?)metadata["namespace"], (string)metadata["name"]!);
    }

    private static string Key(ResourceDefinition resource, string? @namespace, string name) =>
        resource.Namespaced ? $"{@namespace}/{name}" : name;
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
