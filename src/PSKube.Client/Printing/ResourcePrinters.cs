using System.Collections.Frozen;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>The printers of the kinds the API server has columns for, looked up by kind (<c>Pod</c>, <c>Deployment</c>...).</summary>
public static class ResourcePrinters
{
    // ReplicationController has columns on a real server, but there is no model for it yet.
    private static readonly FrozenDictionary<string, ResourcePrinter> ByKind = new Dictionary<string, ResourcePrinter>(StringComparer.Ordinal)
    {
        ["Pod"] = new PodPrinter(),
        ["Deployment"] = new DeploymentPrinter(),
        ["ReplicaSet"] = new ReplicaSetPrinter(),
        ["StatefulSet"] = new StatefulSetPrinter(),
        ["DaemonSet"] = new DaemonSetPrinter(),
        ["Job"] = new JobPrinter(),
        ["CronJob"] = new CronJobPrinter(),
        ["Service"] = new ServicePrinter(),
        ["Node"] = new NodePrinter(),
        ["Namespace"] = new NamespacePrinter(),
        ["Event"] = new EventPrinter(),
        ["ConfigMap"] = new ConfigMapPrinter(),
        ["Secret"] = new SecretPrinter(),
        ["Endpoints"] = new EndpointsPrinter(),
        ["ServiceAccount"] = new ServiceAccountPrinter(),
        ["Ingress"] = new IngressPrinter(),
        ["ResourceQuota"] = new ResourceQuotaPrinter(),
        ["PriorityClass"] = new PriorityClassPrinter(),
        ["PodDisruptionBudget"] = new PodDisruptionBudgetPrinter(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Name and Created At: what the server shows for kinds without columns of their own.</summary>
    public static ResourcePrinter Default { get; } = new DefaultPrinter();

    /// <summary>The printer for <paramref name="kind"/> (case-sensitive), or null when the kind has no columns of its own.</summary>
    public static ResourcePrinter? For(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return ByKind.GetValueOrDefault(kind);
    }

    /// <summary>
    /// Reads <paramref name="json"/> into the typed model of <paramref name="kind"/>, the type its printer expects;
    /// kinds without a model become a <see cref="GenericKubeObject"/>. Null for the JSON literal null.
    /// </summary>
    public static KubeObject? Deserialize(string kind, string json)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(json);
        return kind switch
        {
            "Pod" => KubeJson.Deserialize<Pod>(json),
            "Deployment" => KubeJson.Deserialize<Deployment>(json),
            "ReplicaSet" => KubeJson.Deserialize<ReplicaSet>(json),
            "StatefulSet" => KubeJson.Deserialize<StatefulSet>(json),
            "DaemonSet" => KubeJson.Deserialize<DaemonSet>(json),
            "Job" => KubeJson.Deserialize<Job>(json),
            "CronJob" => KubeJson.Deserialize<CronJob>(json),
            "Service" => KubeJson.Deserialize<Service>(json),
            "Node" => KubeJson.Deserialize<Node>(json),
            "Namespace" => KubeJson.Deserialize<Namespace>(json),
            "Event" => KubeJson.Deserialize<Event>(json),
            "ConfigMap" => KubeJson.Deserialize<ConfigMap>(json),
            "Secret" => KubeJson.Deserialize<Secret>(json),
            "Endpoints" => KubeJson.Deserialize<Endpoints>(json),
            "ServiceAccount" => KubeJson.Deserialize<ServiceAccount>(json),
            "PersistentVolumeClaim" => KubeJson.Deserialize<PersistentVolumeClaim>(json),
            "Scale" => KubeJson.Deserialize<Scale>(json),
            "Ingress" => KubeJson.Deserialize<Ingress>(json),
            "ResourceQuota" => KubeJson.Deserialize<ResourceQuota>(json),
            "PriorityClass" => KubeJson.Deserialize<PriorityClass>(json),
            "PodDisruptionBudget" => KubeJson.Deserialize<PodDisruptionBudget>(json),
            "LimitRange" => KubeJson.Deserialize<LimitRange>(json),
            _ => KubeJson.Deserialize<GenericKubeObject>(json),
        };
    }
}
