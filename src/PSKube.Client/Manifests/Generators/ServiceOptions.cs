namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl expose KIND NAME [--port P] [--target-port T] [--protocol PR] [--type TY] [--name N]
/// [--selector S] [--labels L]</c> takes; without a source object Name, Selector and Ports are required.
/// </summary>
public sealed record ServiceOptions : GeneratorOptions
{
    /// <summary>The Service's name (<c>--name</c>); when exposing, the source's name by default.</summary>
    public string? Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); when exposing, the source's namespace by default.</summary>
    public string? Namespace { get; init; }

    /// <summary>The pods to send traffic to (<c>--selector</c>); when exposing, taken from the source by default.</summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>The Service's ports (<c>--port</c>); when exposing, the source's container or service ports by default.</summary>
    public IReadOnlyList<int>? Ports { get; init; }

    /// <summary>The pods' port, a number or a container port's name (<c>--target-port</c>); each port's own number by default.</summary>
    public string? TargetPort { get; init; }

    /// <summary>TCP, UDP or SCTP for every port (<c>--protocol</c>); by default the source port's protocol, else TCP.</summary>
    public string? Protocol { get; init; }

    /// <summary>ClusterIP, NodePort or LoadBalancer (<c>--type</c>); null leaves the server's default, ClusterIP.</summary>
    public string? Type { get; init; }

    /// <summary>The Service's labels (<c>--labels</c>); when exposing, the source's labels by default.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
