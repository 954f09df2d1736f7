using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>clusters</c> list.</summary>
public sealed record KubeConfigNamedCluster
{
    [YamlMember(Alias = "name")]
    public string? Name { get; init; }

    [YamlMember(Alias = "cluster")]
    public KubeConfigCluster? Cluster { get; init; }
}
