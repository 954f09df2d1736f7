using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PSKube.Client.Auth;

/// <summary>HTTP Basic authentication (a kubeconfig user's <c>username</c> and <c>password</c>).</summary>
public sealed class BasicCredentials(string userName, string password) : IKubeCredentials
{
    private readonly string _encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));

    public string UserName => userName;

    public X509Certificate2? ClientCertificate => null;

    public string CacheKey { get; } = $"basic:{userName}:{SecretHash.Of(password)}";

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encoded);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => $"basic user {userName}";
}
