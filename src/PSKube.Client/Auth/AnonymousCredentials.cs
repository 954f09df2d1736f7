using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>No credentials: a context without a user, or a plain-HTTP server (where client-go sends none).</summary>
public sealed class AnonymousCredentials : IKubeCredentials
{
    public static AnonymousCredentials Instance { get; } = new();

    private AnonymousCredentials()
    {
    }

    public X509Certificate2? ClientCertificate => null;

    public string CacheKey => "anonymous";

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => "anonymous";
}
