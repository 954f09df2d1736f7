namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create job NAME --image=I -- CMD</c> takes, plus the Job settings kubectl create cannot set.
/// </summary>
public sealed record JobOptions : GeneratorOptions
{
    /// <summary>The Job's name, also its container's name.</summary>
    public required string Name { get; init; }

    /// <summary>The container image (<c>--image</c>).</summary>
    public required string Image { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The container's command, what follows <c>--</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>How many pods must succeed (spec.completions); null means 1.</summary>
    public int? Completions { get; init; }

    /// <summary>How many pods run at once (spec.parallelism); null means 1.</summary>
    public int? Parallelism { get; init; }

    /// <summary>How many failed pods to retry (spec.backoffLimit); null means the server's default, 6.</summary>
    public int? BackoffLimit { get; init; }

    /// <summary>Seconds the Job may run before it is stopped and failed (spec.activeDeadlineSeconds).</summary>
    public long? ActiveDeadlineSeconds { get; init; }
}
