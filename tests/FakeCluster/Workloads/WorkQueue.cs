namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// The keys a control loop has to look at, each once however often it was queued, in the order first queued
/// (so seeded runs repeat), plus keys to look at again at a cluster time (a container's next step, a deadline).
/// </summary>
public sealed class WorkQueue<TKey>
    where TKey : notnull
{
    private readonly List<TKey> _ready = [];
    private readonly HashSet<TKey> _queued = [];
    private readonly PriorityQueue<TKey, DateTimeOffset> _later = new();

    public void Add(TKey key)
    {
        if (_queued.Add(key))
        {
            _ready.Add(key);
        }
    }

    /// <summary>Queues the key again once the cluster clock reaches <paramref name="at"/>.</summary>
    public void AddAt(TKey key, DateTimeOffset at) => _later.Enqueue(key, at);

    /// <summary>Takes every key queued or due by <paramref name="now"/>, emptying the queue of them.</summary>
    public List<TKey> TakeDue(DateTimeOffset now)
    {
        while (_later.TryPeek(out var key, out var at) && at <= now)
        {
            _later.Dequeue();
            Add(key);
        }
        var due = new List<TKey>(_ready);
        _ready.Clear();
        _queued.Clear();
        return due;
    }
}
