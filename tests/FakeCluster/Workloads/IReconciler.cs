using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// One control loop of the fake cluster (a controller, the scheduler or the kubelet), driven by changes as a real
/// one is by its informers: <see cref="Notice"/> queues the keys a change concerns, and <see cref="Reconcile"/>
/// works the keys queued or due by the cluster clock, moving each one step towards the desired state.
/// Both run under the store's lock.
/// </summary>
public interface IReconciler
{
    /// <summary>A stored object changed: queue what it concerns. Reads nothing back and writes nothing.</summary>
    void Notice(WatchEvent change);

    /// <summary>Works every key queued or due by <see cref="ReconcileContext.Now"/>; returns how many it worked.</summary>
    int Reconcile(ReconcileContext context);
}
