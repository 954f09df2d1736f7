using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>contexts</c> list.</summary>
public sealed record KubeConfigNamedContext
{
    [YamlMember(Alias = "name")]
    public string? Name { get; init; }

    [YamlMember(Alias = "context")]
    public KubeConfigContext? Context { get; init; }
}
