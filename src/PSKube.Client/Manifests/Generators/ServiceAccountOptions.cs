namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl create serviceaccount NAME [-n NS]</c> takes.</summary>
public sealed record ServiceAccountOptions : GeneratorOptions
{
    /// <summary>The service account's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }
}
