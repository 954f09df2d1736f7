namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// One control loop of the fake cluster (a controller or the kubelet): each call looks at the store and moves
/// what it owns one step towards the desired state. Calls run under the store's lock, on the cluster clock.
/// </summary>
public interface IReconciler
{
    void Reconcile(ReconcileContext context);
}
