using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>How to reach and trust one API server. File paths are absolute once loaded (resolved against the defining file's folder).</summary>
public sealed record KubeConfigCluster
{
    [YamlMember(Alias = "server")]
    public string? Server { get; init; }

    [YamlMember(Alias = "certificate-authority")]
    public string? CertificateAuthority { get; init; }

    /// <summary>Base64 of the PEM text; wins over <see cref="CertificateAuthority"/>.</summary>
    [YamlMember(Alias = "certificate-authority-data")]
    public string? CertificateAuthorityData { get; init; }

    [YamlMember(Alias = "insecure-skip-tls-verify")]
    public bool InsecureSkipTlsVerify { get; init; }

    [YamlMember(Alias = "tls-server-name")]
    public string? TlsServerName { get; init; }

    [YamlMember(Alias = "proxy-url")]
    public string? ProxyUrl { get; init; }

    [YamlMember(Alias = "disable-compression")]
    public bool DisableCompression { get; init; }

    [YamlMember(Alias = "extensions")]
    public IList<KubeConfigExtension> Extensions { get; init; } = [];
}
