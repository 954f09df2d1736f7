using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>The kubeconfig's <c>preferences</c> block.</summary>
public sealed record KubeConfigPreferences
{
    [YamlMember(Alias = "colors")]
    public bool Colors { get; init; }

    [YamlMember(Alias = "extensions")]
    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
