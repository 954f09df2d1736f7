using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>One kubeconfig file as written (apiVersion v1, kind Config). Keys this model does not know are ignored when reading.</summary>
public sealed record KubeConfigDocument
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; init; }

    [YamlMember(Alias = "kind")]
    public string? Kind { get; init; }

    [YamlMember(Alias = "clusters")]
    public IList<KubeConfigNamedCluster> Clusters { get; init; } = [];

    [YamlMember(Alias = "users")]
    public IList<KubeConfigNamedUser> Users { get; init; } = [];

    [YamlMember(Alias = "contexts")]
    public IList<KubeConfigNamedContext> Contexts { get; init; } = [];

    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; init; }

    [YamlMember(Alias = "preferences")]
    public KubeConfigPreferences? Preferences { get; init; }

    [YamlMember(Alias = "extensions")]
    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
