using PSKube.FakeCluster.Lifecycle;
using PSKube.FakeCluster.Workloads.Controllers;
using PSKube.FakeCluster.Workloads.Scheduling;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// The control loops a fake cluster runs, in order, each with what wakes it: keyed loops say so in Notice, pass
/// controllers run when a resource they follow changes. One line per reconciler.
/// </summary>
public static class Reconcilers
{
    public static IReadOnlyList<IReconciler> Create(FakeClusterServices services)
    {
        var reconcilers = new List<IReconciler>();
        reconcilers.Add(new PassReconciler(new CronJobController(), "cronjobs", "jobs"));
        reconcilers.Add(new PassReconciler(new JobController(), "jobs", "pods"));
        reconcilers.Add(new PassReconciler(new DeploymentController(), "deployments", "replicasets", "pods"));
        reconcilers.Add(ReplicaSetController.ForReplicaSets());
        reconcilers.Add(ReplicaSetController.ForReplicationControllers());
        reconcilers.Add(new PassReconciler(new StatefulSetController(), "statefulsets", "pods", "controllerrevisions"));
        reconcilers.Add(new PassReconciler(new DaemonSetController(), "daemonsets", "pods", "nodes", "controllerrevisions"));
        reconcilers.Add(new PassReconciler(new EndpointsController(), "services", "pods", "endpoints"));
        reconcilers.Add(new PassReconciler(new ServiceAccountController(), "namespaces", "serviceaccounts"));
        reconcilers.Add(new PassReconciler(new ResourceQuotaController(), PassReconciler.AnyResource));
        reconcilers.Add(new PassReconciler(new DisruptionController(), "poddisruptionbudgets", "pods"));
        reconcilers.Add(new GarbageCollector());
        // The scheduler binds the pods the controllers made this round, and the kubelet starts them at once.
        reconcilers.Add(new Scheduler(services.Scheduler));
        if (services.Options.SimulateKubelet)
        {
            reconcilers.Add(new Kubelet.SimulatedKubelet(services.ContainerLogs, services.ContainerFiles, services.ResourceUsage));
        }
        reconcilers.Add(new DeletionReaper(services.Resources));
        return reconcilers;
    }
}
