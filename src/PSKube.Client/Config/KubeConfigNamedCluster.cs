namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>clusters</c> list.</summary>
public sealed record KubeConfigNamedCluster
{
    public string? Name { get; init; }

    public KubeConfigCluster? Cluster { get; init; }
}
