using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>A kubeconfig context: which cluster, as which user, in which namespace by default.</summary>
public sealed record KubeConfigContext
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; init; }

    [YamlMember(Alias = "user")]
    public string? User { get; init; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; init; }

    [YamlMember(Alias = "extensions")]
    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
