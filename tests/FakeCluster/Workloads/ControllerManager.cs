using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// Runs the reconcilers (controllers and the simulated kubelet) in a loop on real time, each pass on the current
/// cluster time, like the kube-controller-manager and the kubelets of a real cluster.
/// </summary>
public sealed class ControllerManager(ObjectStore store, FakeClock clock, IReadOnlyList<ResourceDefinition> resources, IReadOnlyList<IReconciler> reconcilers, Random random)
{
    private readonly EventRecorder _events = new(store, resources);

    /// <summary>The last exception a reconciler threw, if any (they keep running regardless).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>One pass of every reconciler.</summary>
    public void RunOnce()
    {
        lock (store.Gate)
        {
            var context = new ReconcileContext(store, clock.Now, resources, _events, random);
            foreach (var reconciler in reconcilers)
            {
                try
                {
                    reconciler.Reconcile(context);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One failing loop must not stop the others, as in a real controller manager; tests can look.
                    LastError = e;
                }
            }
        }
    }

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (reconcilers.Count == 0)
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
    }
}
