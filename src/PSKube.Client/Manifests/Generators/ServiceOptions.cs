namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp P[:T]] [--node-port N]
/// [--clusterip IP] [--external-name DNS]</c> takes, and, with a source object, <c>kubectl expose KIND NAME [--port P]
/// [--target-port T] [--protocol PR] [--type TY] [--cluster-ip IP] [--name N] [--selector S] [--labels L]</c>.
/// </summary>
public sealed record ServiceOptions : GeneratorOptions
{
    /// <summary>The Service's name (<c>NAME</c>, expose's <c>--name</c>); when exposing, the source's name by default.</summary>
    public string? Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null sets none, as kubectl without -n.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The pods to send traffic to: expose's <c>--selector</c>, by default taken from the source; without a source
    /// <c>app=NAME</c>, as kubectl create service sets it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>
    /// The Service's ports, each <c>PORT</c> or <c>PORT:TARGET</c> with a target port number or name (create
    /// service's <c>--tcp</c>, expose's <c>--port</c>); when exposing, the source's container or service ports by default.
    /// </summary>
    public IReadOnlyList<string>? Ports { get; init; }

    /// <summary>The pods' port for every port without its own, a number or a container port's name (<c>--target-port</c>); each port's own number by default.</summary>
    public string? TargetPort { get; init; }

    /// <summary>TCP, UDP or SCTP for every port (<c>--protocol</c>); by default the source port's protocol, else TCP.</summary>
    public string? Protocol { get; init; }

    /// <summary>
    /// ClusterIP, NodePort, LoadBalancer or ExternalName (<c>--type</c>, the create service subcommand). When
    /// exposing, null leaves the server's default; without a source it follows from ExternalName, NodePort, else ClusterIP.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The Service's labels (<c>--labels</c>); when exposing, the source's labels by default; without a source <c>app=NAME</c>.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The cluster IP to ask for, or <c>None</c> for a headless Service (<c>--clusterip</c>, expose's <c>--cluster-ip</c>).</summary>
    public string? ClusterIP { get; init; }

    /// <summary>The port on every node for a NodePort or LoadBalancer Service with one port (<c>--node-port</c>); the server picks one by default.</summary>
    public int? NodePort { get; init; }

    /// <summary>The DNS name an ExternalName Service stands for (<c>--external-name</c>), e.g. db.example.com.</summary>
    public string? ExternalName { get; init; }
}
