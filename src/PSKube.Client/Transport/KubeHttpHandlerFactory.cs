using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using PSKube.Client.Auth;

namespace PSKube.Client.Transport;

/// <summary>
/// Builds the socket handler for one cluster and user: the pinned CA (and nothing else) trusted, the SNI name sent
/// and checked, the client certificate offered, the proxy, gzip, and pooled keep-alive connections: HTTP/2 ones
/// (offered by ALPN in the TLS handshake, as many as the streams need) or HTTP/1.1 ones, as each request asks.
/// </summary>
internal static class KubeHttpHandlerFactory
{
    // Set on the request that opened a connection once its TCP connect succeeded, so a connect timeout can tell a
    // silent TLS handshake from a host that never answered.
    private static readonly HttpRequestOptionsKey<bool> TcpConnected = new("PSKube.TcpConnected");

    /// <summary>Whether the connection this request opened got past TCP (so a timeout came in the TLS handshake).</summary>
    public static bool ReachedTcp(HttpRequestMessage request) => request.Options.TryGetValue(TcpConnected, out var reached) && reached;

    /// <param name="rejections">Where each certificate check records its verdict, so a failed handshake can say why.</param>
    /// <param name="connectTimeout">The bound on TCP connect and TLS handshake together.</param>
    /// <param name="repeatedHeaders">Whether requests carry one header several times (<see cref="RepeatedHeaderStream"/>); they go over HTTP/1.1.</param>
    public static SocketsHttpHandler Create(ClusterEndpoint endpoint, IKubeCredentials credentials, TlsRejectionLog rejections, TimeSpan connectTimeout, bool repeatedHeaders)
    {
        var pinned = endpoint.CertificateAuthorityPem is { Length: > 0 } pem ? LoadAuthorities(pem) : null;
        var expectedName = endpoint.TlsServerName ?? endpoint.Server.IdnHost;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            // Impersonated names and extra values may be any text; kubectl sends them as UTF-8 bytes, so do we
            // (other headers stay ASCII-only, the framework's default).
            RequestHeaderEncodingSelector = (name, _) => name.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.UTF8 : null,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            // HTTP/2 only: a silent connection is pinged, and dropped (with all its streams, which then resume) when
            // the ping goes unanswered.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            // Streams beyond a connection's limit (the API server allows 250) open another connection, not a queue.
            EnableMultipleHttp2Connections = true,
            // TCP connect and TLS handshake together, as kubectl bounds its handshake.
            ConnectTimeout = connectTimeout,
            ConnectCallback = ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions
            {
                // tls-server-name is what we send as SNI and what the certificate must name.
                TargetHost = expectedName,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (endpoint.InsecureSkipTlsVerify)
                    {
                        return true;
                    }
                    var rejection = TlsRejectionLog.Check(certificate, errors, pinned, expectedName);
                    rejections.Record(rejection);
                    return rejection is null;
                },
                LocalCertificateSelectionCallback = (_, _, _, _, _) => credentials.ClientCertificate!,
            },
        };
        if (repeatedHeaders)
        {
            // Repeated headers (Impersonate-Group, Impersonate-Extra-KEY) leave as one line per value; only an
            // HTTP/1.1 request head can be rewritten so.
            handler.PlaintextStreamFilter = (context, _) => ValueTask.FromResult(
                context.NegotiatedHttpVersion == HttpVersion.Version11 ? new RepeatedHeaderStream(context.PlaintextStream) : context.PlaintextStream);
        }
        if (endpoint.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy);
            handler.UseProxy = true;
        }
        return handler;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        context.InitialRequestMessage.Options.Set(TcpConnected, true);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static X509Certificate2Collection LoadAuthorities(byte[] pem)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(pem));
        if (collection.Count == 0)
        {
            throw new InvalidOperationException("The certificate authority data holds no PEM certificate.");
        }
        return collection;
    }
}
