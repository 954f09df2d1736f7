using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>A user with several credentials at once, e.g. a client certificate and a bearer token: each part adds its own.</summary>
public sealed class CombinedCredentials : IKubeCredentials
{
    private readonly IReadOnlyList<IKubeCredentials> _parts;

    public CombinedCredentials(IReadOnlyList<IKubeCredentials> parts)
    {
        _parts = parts;
        CacheKey = string.Join('+', parts.Select(p => p.CacheKey));
    }

    public IReadOnlyList<IKubeCredentials> Parts => _parts;

    public X509Certificate2? ClientCertificate => _parts.Select(p => p.ClientCertificate).FirstOrDefault(c => c is not null);

    public string CacheKey { get; }

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var part in _parts)
        {
            await part.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken)
    {
        var refreshed = false;
        foreach (var part in _parts)
        {
            refreshed |= await part.RefreshAfterUnauthorizedAsync(cancellationToken).ConfigureAwait(false);
        }
        return refreshed;
    }

    public override string ToString() => string.Join(" + ", _parts);
}
