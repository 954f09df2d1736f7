using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>
/// A user's credentials plus who it acts as: each request first gets the credentials' own headers, then the
/// impersonation headers. The impersonation is part of <see cref="CacheKey"/>, so two contexts with the same
/// credentials but different <c>as</c> fields never share a connection (and its headers).
/// </summary>
public sealed class ImpersonatingCredentials(IKubeCredentials credentials, Impersonation impersonation) : IKubeCredentials
{
    public IKubeCredentials Credentials => credentials;

    public Impersonation Impersonation => impersonation;

    public X509Certificate2? ClientCertificate => credentials.ClientCertificate;

    public string CacheKey { get; } = credentials.CacheKey + "\n" + impersonation.CacheKey;

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        impersonation.Apply(request);
    }

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => credentials.RefreshAfterUnauthorizedAsync(cancellationToken);

    public override string ToString() => $"{credentials}, {impersonation}";
}
