namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl run NAME --image=I ...</c> takes, plus requests and limits (kubectl 1.32 has no flags for them).</summary>
public sealed record PodOptions : GeneratorOptions
{
    /// <summary>The pod's name, also its container's name (<c>kubectl run NAME</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The container image (<c>--image</c>).</summary>
    public required string Image { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The container port (<c>--port</c>).</summary>
    public int? Port { get; init; }

    /// <summary>Environment variables as <c>NAME=VALUE</c> (<c>--env</c>).</summary>
    public IReadOnlyList<string>? Env { get; init; }

    /// <summary>The pod's labels (<c>--labels</c>); without them the pod gets <c>run=NAME</c>.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The pod's annotations (<c>--annotations</c>).</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>Always (the default), OnFailure or Never (<c>--restart</c>).</summary>
    public string RestartPolicy { get; init; } = "Always";

    /// <summary>Always, IfNotPresent or Never (<c>--image-pull-policy</c>); null lets the server choose.</summary>
    public string? ImagePullPolicy { get; init; }

    /// <summary>What follows <c>--</c>: the container's args, or its command when <see cref="ArgumentsAreCommand"/>.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>Puts <see cref="Arguments"/> into the container's command instead of its args (<c>--command</c>).</summary>
    public bool ArgumentsAreCommand { get; init; }

    /// <summary>Runs the container privileged (<c>--privileged</c>): securityContext.privileged true.</summary>
    public bool Privileged { get; init; }

    /// <summary>
    /// JSON merged into the generated Pod as a JSON merge patch, kubectl's <c>--overrides</c> (with its default
    /// <c>--override-type merge</c>): objects merge, null removes a field, lists are replaced whole.
    /// </summary>
    public string? Overrides { get; init; }

    /// <summary>Resource requests, resource name to quantity, e.g. cpu = 250m, memory = 64Mi.</summary>
    public IReadOnlyDictionary<string, string>? Requests { get; init; }

    /// <summary>Resource limits, resource name to quantity; each must be at least its request.</summary>
    public IReadOnlyDictionary<string, string>? Limits { get; init; }
}
