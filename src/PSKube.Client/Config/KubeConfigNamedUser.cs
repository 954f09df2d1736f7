using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>users</c> list.</summary>
public sealed record KubeConfigNamedUser
{
    [YamlMember(Alias = "name")]
    public string? Name { get; init; }

    [YamlMember(Alias = "user")]
    public KubeConfigUser? User { get; init; }
}
