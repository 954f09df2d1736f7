using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Workloads;

/// <summary>The control loops a fake cluster runs, in order. One line per reconciler.</summary>
public static class Reconcilers
{
    public static IReadOnlyList<IReconciler> Create(FakeClusterServices services)
    {
        var reconcilers = new List<IReconciler>();
        reconcilers.Add(new CronJobController());
        reconcilers.Add(new JobController());
        reconcilers.Add(new DeploymentController());
        reconcilers.Add(ReplicaSetController.ForReplicaSets());
        reconcilers.Add(ReplicaSetController.ForReplicationControllers());
        reconcilers.Add(new StatefulSetController());
        reconcilers.Add(new DaemonSetController());
        reconcilers.Add(new EndpointsController());
        reconcilers.Add(new ServiceAccountController());
        reconcilers.Add(new ResourceQuotaController());
        reconcilers.Add(new DisruptionController());
        reconcilers.Add(new GarbageCollector());
        reconcilers.Add(new SchedulerEvents());
        if (services.Options.SimulateKubelet)
        {
            // The kubelet runs last, so the pods the controllers made this pass start at once.
            reconcilers.Add(new Kubelet.SimulatedKubelet(services.ContainerLogs, services.ContainerFiles, services.ResourceUsage));
        }
        return reconcilers;
    }
}
