namespace PSKube.Client.Config;

/// <summary>An entry of the kubeconfig's <c>users</c> list.</summary>
public sealed record KubeConfigNamedUser
{
    public string? Name { get; init; }

    public KubeConfigUser? User { get; init; }
}
