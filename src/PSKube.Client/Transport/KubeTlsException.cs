namespace PSKube.Client.Transport;

/// <summary>Why the API server's certificate was not trusted.</summary>
public enum KubeTlsFailure
{
    /// <summary>The certificate is not signed by the cluster's certificate authority (or any trusted one without it).</summary>
    UnknownAuthority,

    /// <summary>The certificate does not name the host the kubeconfig asks for (the server URL, or tls-server-name).</summary>
    NameMismatch,

    /// <summary>The certificate has expired or is not valid yet.</summary>
    Expired,

    /// <summary>The TLS handshake failed for another reason (no certificate, a protocol the server refuses).</summary>
    Other,
}

/// <summary>
/// The API server answered, but its certificate could not be trusted, so no request was sent. The message says why
/// in kubectl's words ("x509: certificate signed by unknown authority", "certificate is valid for X, not Y"), names
/// the server, and says what to check. It never contains credentials.
/// </summary>
public sealed class KubeTlsException : Exception
{
    public KubeTlsException(Uri server, KubeTlsFailure failure, string detail, Exception? innerException = null)
        : base(MessageFor(server, failure, detail), innerException)
    {
        Server = server;
        Failure = failure;
    }

    /// <summary>The server URL of the kubeconfig cluster.</summary>
    public Uri Server { get; }

    public KubeTlsFailure Failure { get; }

    private static string MessageFor(Uri server, KubeTlsFailure failure, string detail)
    {
        var url = server.GetLeftPart(UriPartial.Authority);
        return failure switch
        {
            KubeTlsFailure.UnknownAuthority => $"Unable to connect to the server {url}: tls: failed to verify certificate: x509: certificate signed by unknown authority. Check the certificate-authority (or certificate-authority-data) of the kubeconfig cluster: it is not the authority that signed this server's certificate.",
            KubeTlsFailure.NameMismatch => $"Unable to connect to the server {url}: tls: failed to verify certificate: x509: {detail}. Use a server URL (or tls-server-name) in the kubeconfig cluster that the certificate names.",
            KubeTlsFailure.Expired => $"Unable to connect to the server {url}: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: {detail}. Check the clock of this machine, or renew the server's certificate.",
            _ => $"Unable to connect to the server {url}: the TLS handshake failed: {detail}",
        };
    }
}
