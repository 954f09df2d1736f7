namespace PSKube.Client.Config;

/// <summary>How to reach and trust one API server. File paths are absolute once loaded (resolved against the defining file's folder).</summary>
public sealed record KubeConfigCluster
{
    public string? Server { get; init; }

    public string? CertificateAuthority { get; init; }

    /// <summary>Base64 of the PEM text; wins over <see cref="CertificateAuthority"/>.</summary>
    public string? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }

    public string? ProxyUrl { get; init; }

    public bool DisableCompression { get; init; }

    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
