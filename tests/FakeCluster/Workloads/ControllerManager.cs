using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// Runs the reconcilers (controllers, scheduler and the simulated kubelets) like the kube-controller-manager, the
/// scheduler and the kubelets of a real cluster: the store's changes fill their work queues, and every tick of real
/// time each reconciler works what is queued or due on the cluster clock. A cluster at rest does no work.
/// </summary>
public sealed class ControllerManager
{
    private readonly ObjectStore _store;
    private readonly FakeClock _clock;
    private readonly IReadOnlyList<ResourceDefinition> _resources;
    private readonly IReadOnlyList<IReconciler> _reconcilers;
    private readonly Random _random;
    private readonly EventRecorder _events;
    private long _workItems;
    private long _rounds;
    private readonly Dictionary<string, long> _workByLoop = new(StringComparer.Ordinal);

    public ControllerManager(ObjectStore store, FakeClock clock, IReadOnlyList<ResourceDefinition> resources, IReadOnlyList<IReconciler> reconcilers, Random random)
    {
        _store = store;
        _clock = clock;
        _resources = resources;
        _reconcilers = reconcilers;
        _random = random;
        _events = new EventRecorder(store, resources);
        lock (store.Gate)
        {
            store.Changed += Notice;
            // What is stored already is news to the loops, as an informer's first list is.
            foreach (var (resource, obj) in store.Snapshot((_, _) => true))
            {
                Notice(new WatchEvent(store.ResourceVersion, WatchEventType.Added, resource, obj));
            }
        }
    }

    /// <summary>The last exception a reconciler threw, if any (they keep running regardless).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>How many work items (keys, or passes of a pass controller) the loops have worked so far: flat at rest.</summary>
    public long WorkItems => Interlocked.Read(ref _workItems);

    /// <summary>The work items so far by loop (its type name, and the controller's for a pass controller), to tell which one worked.</summary>
    public IReadOnlyDictionary<string, long> WorkItemsByLoop
    {
        get
        {
            lock (_store.Gate)
            {
                return new Dictionary<string, long>(_workByLoop, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>How many rounds (<see cref="RunOnce"/>) have finished: at rest they go on and <see cref="WorkItems"/> stays put.</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>One round: every reconciler works what is queued or due now, in order.</summary>
    public void RunOnce()
    {
        lock (_store.Gate)
        {
            var now = _clock.Now;
            foreach (var reconciler in _reconcilers)
            {
                try
                {
                    var worked = reconciler.Reconcile(new ReconcileContext(_store, now, _resources, _events, _random));
                    Interlocked.Add(ref _workItems, worked);
                    if (worked > 0)
                    {
                        var name = reconciler is PassReconciler pass ? pass.Controller.GetType().Name : reconciler.GetType().Name;
                        _workByLoop[name] = _workByLoop.GetValueOrDefault(name) + worked;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One failing loop must not stop the others, as in a real controller manager; tests can look.
                    LastError = e;
                }
            }
        }
        Interlocked.Increment(ref _rounds);
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (_reconcilers.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                RunOnce();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            lock (_store.Gate)
            {
                _store.Changed -= Notice;
            }
        }
    }

    private void Notice(WatchEvent change)
    {
        foreach (var reconciler in _reconcilers)
        {
            reconciler.Notice(change);
        }
    }
}
