namespace PSKube.Client.Config;

/// <summary>A legacy in-tree auth provider (azure, gcp, oidc). Its config holds secrets, so ToString shows only the keys.</summary>
public sealed record KubeConfigAuthProvider
{
    public string? Name { get; init; }

    public IDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"KubeConfigAuthProvider {{ Name = {Name}, Config keys = [{string.Join(", ", Config.Keys)}] }}";
}
