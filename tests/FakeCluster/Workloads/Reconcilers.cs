namespace PSKube.FakeCluster.Workloads;

/// <summary>The control loops a fake cluster runs, in order. One line per reconciler.</summary>
public static class Reconcilers
{
    public static IReadOnlyList<IReconciler> Create(FakeClusterOptions options)
    {
        var reconcilers = new List<IReconciler>();
        reconcilers.Add(new Kubelet.SimulatedKubelet());
        return reconcilers;
    }
}
