namespace PSKube.Client.Config;

/// <summary>An exec credential plugin (client.authentication.k8s.io v1 or v1beta1).</summary>
public sealed record KubeConfigExec
{
    public string? ApiVersion { get; init; }

    /// <summary>The program; absolute once loaded when the kubeconfig gave a relative path containing a separator.</summary>
    public string? Command { get; init; }

    public IList<string> Args { get; init; } = [];

    public IList<KubeConfigExecEnvVar> Env { get; init; } = [];

    public string? InstallHint { get; init; }

    public bool ProvideClusterInfo { get; init; }

    /// <summary>Never, IfAvailable or Always; required by v1, IfAvailable when v1beta1 leaves it out.</summary>
    public string? InteractiveMode { get; init; }

    public override string ToString() =>
        $"KubeConfigExec {{ ApiVersion = {ApiVersion}, Command = {Command}, Args = {Args.Count}, Env = [{string.Join(", ", Env.Select(e => e.Name))}], InteractiveMode = {InteractiveMode} }}";
}
