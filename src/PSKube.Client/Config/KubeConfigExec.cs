using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>An exec credential plugin (client.authentication.k8s.io v1 or v1beta1).</summary>
public sealed record KubeConfigExec
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; init; }

    /// <summary>The program; absolute once loaded when the kubeconfig gave a relative path containing a separator.</summary>
    [YamlMember(Alias = "command")]
    public string? Command { get; init; }

    [YamlMember(Alias = "args")]
    public IList<string> Args { get; init; } = [];

    [YamlMember(Alias = "env")]
    public IList<KubeConfigExecEnvVar> Env { get; init; } = [];

    [YamlMember(Alias = "installHint")]
    public string? InstallHint { get; init; }

    [YamlMember(Alias = "provideClusterInfo")]
    public bool ProvideClusterInfo { get; init; }

    /// <summary>Never, IfAvailable or Always; required by v1, IfAvailable when v1beta1 leaves it out.</summary>
    [YamlMember(Alias = "interactiveMode")]
    public string? InteractiveMode { get; init; }

    public override string ToString() =>
        $"KubeConfigExec {{ ApiVersion = {ApiVersion}, Command = {Command}, Args = {Args.Count}, Env = [{string.Join(", ", Env.Select(e => e.Name))}], InteractiveMode = {InteractiveMode} }}";
}
