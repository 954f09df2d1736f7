namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl create quota NAME [--hard=key=value,...] [--scopes=Scope,...]</c> takes.</summary>
public sealed record QuotaOptions : GeneratorOptions
{
    /// <summary>The ResourceQuota's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The limits (<c>--hard</c>): resource name to quantity, e.g. <c>pods=10</c>, <c>requests.cpu=2</c>, <c>count/deployments.apps=5</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hard { get; init; }

    /// <summary>The scopes the quota counts in (<c>--scopes</c>), e.g. <c>BestEffort</c>, <c>NotTerminating</c>.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }
}
