namespace PSKube.Client.Config;

/// <summary>The kubeconfig's <c>preferences</c> block.</summary>
public sealed record KubeConfigPreferences
{
    public bool Colors { get; init; }

    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
