using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>
/// How a kubeconfig user proves who it is on each request: a header (bearer token, Basic), a TLS client
/// certificate, or both. Implementations cache what is expensive (an exec plugin's answer) and refresh it when it
/// expires or when the server answers 401.
/// </summary>
public interface IKubeCredentials
{
    /// <summary>Adds the Authorization header, if this user has one, loading or refreshing credentials as needed.</summary>
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// The client certificate (with its private key) to present in the TLS handshake, or null. Read when a new
    /// connection is made, after <see cref="ApplyAsync"/> ran for the request that opens it.
    /// </summary>
    X509Certificate2? ClientCertificate { get; }

    /// <summary>
    /// Called after a 401: forget cached credentials (re-run the exec plugin, re-read the token file).
    /// True when new credentials were obtained and the request is worth retrying once.
    /// </summary>
    ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken);

    /// <summary>A key that is equal for users presenting the same credentials, so connections can be pooled per cluster and user.</summary>
    string CacheKey { get; }
}
