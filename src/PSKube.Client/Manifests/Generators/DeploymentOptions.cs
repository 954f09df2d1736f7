namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl create deployment NAME --image=I [--image=I2...] [--replicas N] [--port P] [-- CMD...]</c> takes.</summary>
public sealed record DeploymentOptions : GeneratorOptions
{
    /// <summary>The Deployment's name, also the value of its <c>app</c> label and selector.</summary>
    public required string Name { get; init; }

    /// <summary>The container images (<c>--image</c>, which may be given several times): one container each, in order.</summary>
    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>How many pods (<c>--replicas</c>, default 1).</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The first container's port (<c>--port</c>).</summary>
    public int? Port { get; init; }

    /// <summary>The container's command, what follows <c>--</c>; kubectl takes it with one image only.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>
    /// The container's name, with one image only. By default, as kubectl does, the image's base name (registry path, tag and digest
    /// removed); when that has '_' or '.', they become '-' and a random 5 character suffix is added.
    /// </summary>
    public string? ContainerName { get; init; }
}
