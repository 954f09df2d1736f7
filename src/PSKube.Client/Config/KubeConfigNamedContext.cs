namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>contexts</c> list.</summary>
public sealed record KubeConfigNamedContext
{
    public string? Name { get; init; }

    public KubeConfigContext? Context { get; init; }
}
