using System.Security.Cryptography.X509Certificates;
using System.Text;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>Builds a <see cref="KubeClient"/> for a fake cluster, authenticated with its client certificate.</summary>
internal static class FakeClusterClient
{
    public static KubeClient For(FakeClusterServer cluster, KubeClientOptions? options = null, ClusterEndpoint? endpoint = null)
    {
        endpoint ??= new ClusterEndpoint(new Uri(cluster.Server), CaPem(cluster));
        var credentials = new CertificateOnly(cluster.ClientCertificate);
        var context = new KubeContext("fake", "fake", "fake-admin", "default", endpoint, credentials);
        return new KubeClient(context, new KubeConnection(endpoint, credentials, options));
    }

    /// <summary>A client that authenticates with a bearer token only.</summary>
    public static KubeClient WithToken(FakeClusterServer cluster, string token, KubeClientOptions? options = null)
    {
        var endpoint = new ClusterEndpoint(new Uri(cluster.Server), CaPem(cluster));
        var credentials = new TokenOnly(token);
        var context = new KubeContext("fake-token", "fake", "fake-token", "default", endpoint, credentials);
        return new KubeClient(context, new KubeConnection(endpoint, credentials, options));
    }

    /// <summary>A client that authenticates with <paramref name="credentials"/>, which see every request it sends.</summary>
    public static KubeClient WithCredentials(FakeClusterServer cluster, IKubeCredentials credentials)
    {
        var endpoint = new ClusterEndpoint(new Uri(cluster.Server), CaPem(cluster));
        var context = new KubeContext("fake-custom", "fake", "fake-custom", "default", endpoint, credentials);
        return new KubeClient(context, new KubeConnection(endpoint, credentials));
    }

    public static byte[] CaPem(FakeClusterServer cluster) => Encoding.ASCII.GetBytes(cluster.Authority.Certificate.ExportCertificatePem());

    private sealed class TokenOnly(string token) : IKubeCredentials
    {
        public X509Certificate2? ClientCertificate => null;

        public string CacheKey => "token";

        public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }

    /// <summary>The simplest credentials: a client certificate and nothing to refresh.</summary>
    private sealed class CertificateOnly(X509Certificate2 certificate) : IKubeCredentials
    {
        public X509Certificate2? ClientCertificate => certificate;

        public string CacheKey => certificate.Thumbprint;

        public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
