namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl create token SERVICE_ACCOUNT [--audience A] [--duration D] [--bound-object-kind K --bound-object-name N [--bound-object-uid U]]</c> takes.</summary>
public sealed record TokenRequestOptions : GeneratorOptions
{
    /// <summary>The audiences the token is valid for (<c>--audience</c>); none means the API server's own.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    /// <summary>The token's lifetime (<c>--duration</c>), in whole seconds; null or zero lets the server choose.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The kind of the object the token is bound to (<c>--bound-object-kind</c>): Pod, Secret or Node.</summary>
    public string? BoundObjectKind { get; init; }

    /// <summary>The name of the bound object (<c>--bound-object-name</c>); the token stops working when it is deleted.</summary>
    public string? BoundObjectName { get; init; }

    /// <summary>The uid of the bound object (<c>--bound-object-uid</c>); the server fills in the existing object's when omitted.</summary>
    public string? BoundObjectUid { get; init; }
}
