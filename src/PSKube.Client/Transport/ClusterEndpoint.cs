namespace PSKube.Client.Transport;

/// <summary>
/// Where a cluster is and how to trust it: the server URL, the CA certificates pinned for it (PEM bytes; when set,
/// only they are trusted), whether to skip verification, the name to send as SNI and check on the certificate,
/// and an HTTP(S) proxy.
/// </summary>
public sealed record ClusterEndpoint(
    Uri Server,
    byte[]? CertificateAuthorityPem = null,
    bool InsecureSkipTlsVerify = false,
    string? TlsServerName = null,
    Uri? Proxy = null);
