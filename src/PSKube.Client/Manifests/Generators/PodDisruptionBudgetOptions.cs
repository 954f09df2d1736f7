namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create poddisruptionbudget NAME --selector=SELECTOR (--min-available=N | --max-unavailable=N)</c>
/// takes; exactly one of MinAvailable and MaxUnavailable.
/// </summary>
public sealed record PodDisruptionBudgetOptions : GeneratorOptions
{
    /// <summary>The PodDisruptionBudget's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The pods the budget protects, in label selector syntax (<c>--selector</c>): <c>app=web</c>, <c>tier in (a,b)</c>, <c>!canary</c>.</summary>
    public required string Selector { get; init; }

    /// <summary>How many selected pods must stay available, a number or a percentage such as <c>50%</c> (<c>--min-available</c>).</summary>
    public string? MinAvailable { get; init; }

    /// <summary>How many selected pods may be unavailable, a number or a percentage such as <c>25%</c> (<c>--max-unavailable</c>).</summary>
    public string? MaxUnavailable { get; init; }
}
