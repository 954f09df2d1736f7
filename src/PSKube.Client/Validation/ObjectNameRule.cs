namespace PSKube.Client.Validation;

/// <summary>The rule the Kubernetes API server applies to <c>metadata.name</c> of a resource.</summary>
public enum ObjectNameRule
{
    /// <summary>Lowercase RFC 1123 subdomain, up to 253 bytes, dots allowed (pods, deployments, configmaps...).</summary>
    Dns1123Subdomain,

    /// <summary>Lowercase RFC 1123 label, up to 63 bytes, no dots (namespaces, statefulsets).</summary>
    Dns1123Label,

    /// <summary>RFC 1035 label: like an RFC 1123 label but must start with a letter (services).</summary>
    Dns1035Label,

    /// <summary>Only the URL path segment rules: not '.' or '..', no '/' or '%' (core/v1 events).</summary>
    PathSegment,
}
