using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>A fixed bearer token (a kubeconfig user's <c>token</c>).</summary>
public sealed class BearerTokenCredentials(string token) : IKubeCredentials
{
    public X509Certificate2? ClientCertificate => null;

    public string CacheKey { get; } = "token:" + SecretHash.Of(token);

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return ValueTask.CompletedTask;
    }

    // The token cannot change, so retrying would only get the same answer.
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => "bearer token";
}
