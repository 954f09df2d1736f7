using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>A controller that looks at all of its (few) objects in one pass, each pass a whole reconcile.</summary>
public interface IPassController
{
    void Reconcile(ReconcileContext context);
}

/// <summary>
/// Runs a pass controller only when a resource it follows changed, or when a pass asked to run again at a cluster
/// time: a work queue with one key. Controllers whose objects are few (cron jobs, services, quotas) need no more.
/// <see cref="AnyResource"/> follows every resource (a quota may count any of them).
/// </summary>
public sealed class PassReconciler(IPassController controller, params string[] follows) : IReconciler
{
    public const string AnyResource = "*";

    private readonly HashSet<string> _follows = new(follows, StringComparer.Ordinal);
    private readonly WorkQueue<string> _queue = new();

    /// <summary>The controller this runs (its name tells the loops apart in ControllerManager.WorkItemsByLoop).</summary>
    public IPassController Controller { get; } = controller;

    public void Notice(WatchEvent change)
    {
        if (_follows.Contains(change.Resource.Plural) || _follows.Contains(AnyResource))
        {
            _queue.Add("");
        }
    }

    public int Reconcile(ReconcileContext context)
    {
        if (_queue.TakeDue(context.Now).Count == 0)
        {
            return 0;
        }
        context.TakeWake();
        Controller.Reconcile(context);
        if (context.TakeWake() is { } at)
        {
            _queue.AddAt("", at);
        }
        return 1;
    }
}
