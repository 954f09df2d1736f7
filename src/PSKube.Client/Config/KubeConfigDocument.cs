namespace PSKube.Client.Config;

/// <summary>One kubeconfig file as written (apiVersion v1, kind Config). Keys this model does not know are ignored when reading.</summary>
public sealed record KubeConfigDocument
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public IList<KubeConfigNamedCluster> Clusters { get; init; } = [];

    public IList<KubeConfigNamedUser> Users { get; init; } = [];

    public IList<KubeConfigNamedContext> Contexts { get; init; } = [];

    public string? CurrentContext { get; init; }

    public KubeConfigPreferences? Preferences { get; init; }

    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
