namespace PSKube.Client.Config;

/// <summary>An environment variable an exec plugin gets. Values may be secrets, so ToString hides them.</summary>
public sealed record KubeConfigExecEnvVar
{
    public string? Name { get; init; }

    public string? Value { get; init; }

    public override string ToString() => $"KubeConfigExecEnvVar {{ Name = {Name}, Value = <hidden> }}";
}
