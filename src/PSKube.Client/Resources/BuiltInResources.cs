namespace PSKube.Client.Resources;

/// <summary>
/// The built-in resource types PSKube knows without asking the server, as a Kubernetes 1.32 API server
/// reports them in discovery (verbs, short names, categories, subresources).
/// </summary>
public static class BuiltInResources
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] NoCollectionDelete = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];
    private static readonly string[] AllCategory = ["all"];

    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        Core("ConfigMap", "configmaps", AllVerbs, ["cm"]),
        Core("Endpoints", "endpoints", AllVerbs, ["ep"]),
        Core("Event", "events", AllVerbs, ["ev"]),
        Core("Namespace", "namespaces", NoCollectionDelete, ["ns"], namespaced: false, subresources:
        [
            new("finalize", "", "v1", "Namespace", ["update"]),
            new("status", "", "v1", "Namespace", StatusVerbs),
        ]),
        Core("Node", "nodes", AllVerbs, ["no"], namespaced: false, subresources:
        [
            new("proxy", "", "v1", "NodeProxyOptions", ["create", "delete", "get", "patch", "update"]),
            new("status", "", "v1", "Node", StatusVerbs),
        ]),
        Core("Pod", "pods", AllVerbs, ["po"], AllCategory,
        [
            new("attach", "", "v1", "PodAttachOptions", ["create", "get"]),
            new("binding", "", "v1", "Binding", ["create"]),
            new("ephemeralcontainers", "", "v1", "Pod", StatusVerbs),
            new("eviction", "policy", "v1", "Eviction", ["create"]),
            new("exec", "", "v1", "PodExecOptions", ["create", "get"]),
            new("log", "", "v1", "Pod", ["get"]),
            new("portforward", "", "v1", "PodPortForwardOptions", ["create", "get"]),
            new("proxy", "", "v1", "PodProxyOptions", ["create", "delete", "get", "patch", "update"]),
            new("status", "", "v1", "Pod", StatusVerbs),
        ]),
        Core("ReplicationController", "replicationcontrollers", AllVerbs, ["rc"], AllCategory,
        [
            new("scale", "autoscaling", "v1", "Scale", StatusVerbs),
            new("status", "", "v1", "ReplicationController", StatusVerbs),
        ]),
        Core("Secret", "secrets", AllVerbs, []),
        Core("ServiceAccount", "serviceaccounts", AllVerbs, ["sa"], subresources:
        [
            new("token", "authentication.k8s.io", "v1", "TokenRequest", ["create"]),
        ]),
        Core("Service", "services", AllVerbs, ["svc"], AllCategory,
        [
            new("proxy", "", "v1", "ServiceProxyOptions", ["create", "delete", "get", "patch", "update"]),
            new("status", "", "v1", "Service", StatusVerbs),
        ]),
        new("apps", "v1", "ControllerRevision", "controllerrevisions", "controllerrevision", true, AllVerbs, [], [], []),
        Workload("apps", "DaemonSet", "daemonsets", ["ds"], scalable: false),
        Workload("apps", "Deployment", "deployments", ["deploy"], scalable: true),
        Workload("apps", "ReplicaSet", "replicasets", ["rs"], scalable: true),
        Workload("apps", "StatefulSet", "statefulsets", ["sts"], scalable: true),
        Workload("batch", "CronJob", "cronjobs", ["cj"], scalable: false),
        Workload("batch", "Job", "jobs", [], scalable: false),

        // The APIs kubectl's create generators write to (quota, RBAC, ingress, priority classes, disruption budgets).
        Core("ResourceQuota", "resourcequotas", AllVerbs, ["quota"], subresources:
        [
            new("status", "", "v1", "ResourceQuota", StatusVerbs),
        ]),
        // Defaults and bounds for containers and pods of a namespace (kubectl describe namespace lists them).
        Core("LimitRange", "limitranges", AllVerbs, ["limits"]),
        Named("networking.k8s.io", "Ingress", "ingresses", ["ing"], namespaced: true, hasStatus: true),
        Named("networking.k8s.io", "IngressClass", "ingressclasses", [], namespaced: false),
        Named("policy", "PodDisruptionBudget", "poddisruptionbudgets", ["pdb"], namespaced: true, hasStatus: true),
        Named("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", [], namespaced: false),
        Named("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", [], namespaced: false),
        Named("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", [], namespaced: true),
        Named("rbac.authorization.k8s.io", "Role", "roles", [], namespaced: true),
        Named("scheduling.k8s.io", "PriorityClass", "priorityclasses", ["pc"], namespaced: false),
    ];

    private static ResourceDefinition Named(string group, string kind, string plural, string[] shortNames, bool namespaced, bool hasStatus = false) =>
        new(group, "v1", kind, plural, kind.ToLowerInvariant(), namespaced, AllVerbs, shortNames, [],
            hasStatus ? [new("status", group, "v1", kind, StatusVerbs)] : []);

    private static ResourceDefinition Core(
        string kind, string plural, string[] verbs, string[] shortNames, string[]? categories = null,
        SubresourceDefinition[]? subresources = null, bool namespaced = true) =>
        new("", "v1", kind, plural, kind.ToLowerInvariant(), namespaced, verbs, shortNames, categories ?? [], subresources ?? []);

    private static ResourceDefinition Workload(string group, string kind, string plural, string[] shortNames, bool scalable)
    {
        List<SubresourceDefinition> subresources = [];
        if (scalable)
        {
            subresources.Add(new("scale", "autoscaling", "v1", "Scale", StatusVerbs));
        }
        subresources.Add(new("status", group, "v1", kind, StatusVerbs));
        return new(group, "v1", kind, plural, kind.ToLowerInvariant(), true, AllVerbs, shortNames, AllCategory, subresources);
    }

    /// <summary>Finds a built-in resource by what users type: plural, singular, short name, kind, or plural.group.</summary>
    public static ResourceDefinition? Find(string text) => All.FirstOrDefault(r => r.IsNamedBy(text));
}
