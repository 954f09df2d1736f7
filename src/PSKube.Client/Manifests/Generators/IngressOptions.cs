namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create ingress NAME [--rule=host/path=service:port[,tls[=secret]]]... [--default-backend=service:port]
/// [--class=CLASS] [--annotation=key=value]...</c> takes; at least one rule or a default backend.
/// </summary>
public sealed record IngressOptions : GeneratorOptions
{
    /// <summary>The Ingress's name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The rules (<c>--rule</c>), each <c>host/path=service:port</c> with an optional <c>,tls</c> or <c>,tls=secret</c>:
    /// the host may be empty or a wildcard (<c>*.example.com</c>); a path ending in <c>*</c> matches by prefix, any
    /// other exactly; the port is a number or a port name.
    /// </summary>
    public IReadOnlyList<string>? Rules { get; init; }

    /// <summary>The backend for requests no rule matches (<c>--default-backend</c>), as <c>service:port</c>.</summary>
    public string? DefaultBackend { get; init; }

    /// <summary>The IngressClass that serves this Ingress (<c>--class</c>).</summary>
    public string? IngressClass { get; init; }

    /// <summary>The Ingress's annotations (<c>--annotation</c>), often settings for the ingress controller.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
