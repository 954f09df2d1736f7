namespace PSKube.ModelGenerator;

/// <summary>The kinds PSKube models; every definition they reach is generated too, nothing else.</summary>
internal static class ModelRoots
{
    public static IReadOnlyList<string> Definitions { get; } =
    [
        "io.k8s.api.core.v1.Pod",
        "io.k8s.api.apps.v1.Deployment",
        "io.k8s.api.apps.v1.ReplicaSet",
        "io.k8s.api.apps.v1.StatefulSet",
        "io.k8s.api.apps.v1.DaemonSet",
        "io.k8s.api.batch.v1.Job",
        "io.k8s.api.batch.v1.CronJob",
        "io.k8s.api.core.v1.Service",
        "io.k8s.api.core.v1.Endpoints",
        "io.k8s.api.core.v1.Namespace",
        "io.k8s.api.core.v1.Node",
        "io.k8s.api.core.v1.Event",
        "io.k8s.api.core.v1.ConfigMap",
        "io.k8s.api.core.v1.Secret",
        "io.k8s.api.core.v1.ServiceAccount",
        "io.k8s.api.rbac.v1.Role",
        "io.k8s.api.rbac.v1.ClusterRole",
        "io.k8s.api.rbac.v1.RoleBinding",
        "io.k8s.api.rbac.v1.ClusterRoleBinding",
        "io.k8s.api.authentication.v1.TokenRequest",
        "io.k8s.api.networking.v1.Ingress",
        "io.k8s.api.networking.v1.IngressClass",
        "io.k8s.api.core.v1.ResourceQuota",
        "io.k8s.api.core.v1.LimitRange",
        "io.k8s.api.scheduling.v1.PriorityClass",
        "io.k8s.api.policy.v1.PodDisruptionBudget",
        "io.k8s.api.autoscaling.v1.Scale",
        "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
    ];
}
