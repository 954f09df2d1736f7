namespace PSKube.Client.Config;

/// <summary>A kubeconfig context: which cluster, as which user, in which namespace by default.</summary>
public sealed record KubeConfigContext
{
    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Namespace { get; init; }

    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
