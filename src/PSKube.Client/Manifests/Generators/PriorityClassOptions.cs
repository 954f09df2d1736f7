namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create priorityclass NAME [--value=N] [--global-default] [--description=TEXT]
/// [--preemption-policy=POLICY]</c> takes.
/// </summary>
public sealed record PriorityClassOptions : GeneratorOptions
{
    /// <summary>The PriorityClass's name.</summary>
    public required string Name { get; init; }

    /// <summary>The priority of pods that name this class (<c>--value</c>); 0 when null, as kubectl.</summary>
    public int? Value { get; init; }

    /// <summary>Make this the priority of pods that name no class (<c>--global-default</c>).</summary>
    public bool GlobalDefault { get; init; }

    /// <summary>When to use this class, for people (<c>--description</c>).</summary>
    public string? Description { get; init; }

    /// <summary>PreemptLowerPriority (kubectl's default) or Never (<c>--preemption-policy</c>).</summary>
    public string? PreemptionPolicy { get; init; }
}
