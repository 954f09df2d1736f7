using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using PSKube.Client.Auth;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Auth;

/// <summary>Sends one request to a fake cluster the way the transport will: credentials applied, their client certificate offered.</summary>
internal static class CredentialsHttp
{
    public static async Task<HttpStatusCode> GetAsync(FakeClusterServer cluster, IKubeCredentials credentials, string path = "/api/v1/namespaces")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Server + path);
        await credentials.ApplyAsync(request, CancellationToken.None);
        // A new handler per request, so each request makes a connection that reads the current client certificate.
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server && cluster.Authority.Issued(server),
                ClientCertificates = credentials.ClientCertificate is { } client ? [client] : null,
            },
        };
        using var http = new HttpClient(handler);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Like the transport: on 401, refresh and retry once when the credentials say it is worth it.</summary>
    public static async Task<HttpStatusCode> GetWithRetryAsync(FakeClusterServer cluster, IKubeCredentials credentials)
    {
        var status = await GetAsync(cluster, credentials);
        if (status == HttpStatusCode.Unauthorized && await credentials.RefreshAfterUnauthorizedAsync(CancellationToken.None))
        {
            status = await GetAsync(cluster, credentials);
        }
        return status;
    }
}
