using System.Net;
using System.Security.Authentication;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.FakeCluster;
using PSKube.FakeCluster.Security;

namespace PSKube.Client.Tests.Client;

/// <summary>TLS trust, retries and error mapping of the transport.</summary>
public sealed class ClientTransportTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Nodes = BuiltInResources.Find("nodes")!;
    private FakeClusterServer _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeClusterServer.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Tls_ACaThatDidNotSignTheServer_IsRefused()
    {
        using var stranger = CertificateAuthority.Create("not-the-cluster-ca");
        var endpoint = new ClusterEndpoint(new Uri(_cluster.Server), System.Text.Encoding.ASCII.GetBytes(stranger.Certificate.ExportCertificatePem()));
        var client = FakeClusterClient.For(_cluster, endpoint: endpoint);
        var error = await Assert.ThrowsAsync<KubeTlsException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));
        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
        Assert.Equal(KubeTlsFailure.UnknownAuthority, error.Failure);
        Assert.Equal(KubeErrorKind.TlsUntrusted, KubeErrors.Classify(error));
        Assert.Equal("TlsUntrusted", KubeErrors.ErrorId("Node", error));
        // kubectl: "tls: failed to verify certificate: x509: certificate signed by unknown authority", and the server.
        Assert.StartsWith($"Unable to connect to the server {new Uri(_cluster.Server).GetLeftPart(UriPartial.Authority)}: tls: failed to verify certificate: x509: certificate signed by unknown authority.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_InsecureSkipVerify_AcceptsAnyServer()
    {
        using var stranger = CertificateAuthority.Create("not-the-cluster-ca");
        var endpoint = new ClusterEndpoint(new Uri(_cluster.Server), System.Text.Encoding.ASCII.GetBytes(stranger.Certificate.ExportCertificatePem()), InsecureSkipTlsVerify: true);
        var client = FakeClusterClient.For(_cluster, endpoint: endpoint);
        Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("kubernetes.invalid", false)]
    public async Task Tls_TlsServerName_IsTheNameTheCertificateMustHave(string serverName, bool accepted)
    {
        var endpoint = new ClusterEndpoint(new Uri(_cluster.Server), FakeClusterClient.CaPem(_cluster), TlsServerName: serverName);
        var client = FakeClusterClient.For(_cluster, endpoint: endpoint);
        if (accepted)
        {
            Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);
        }
        else
        {
            var error = await Assert.ThrowsAsync<KubeTlsException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));
            Assert.Equal(KubeTlsFailure.NameMismatch, error.Failure);
            Assert.Equal("TlsNameMismatch", KubeErrors.ErrorId("Node", error));
            // kubectl: "x509: certificate is valid for localhost, not kubernetes.invalid" (the DNS names of the certificate).
            Assert.Contains($"tls: failed to verify certificate: x509: certificate is valid for localhost, not {serverName}.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tls_AnAddressTheCertificateDoesNotName_SaysWhichAddressesItNames()
    {
        // The fake's certificate names localhost, 127.0.0.1 and ::1; ask for another loopback address.
        var endpoint = new ClusterEndpoint(new Uri(_cluster.Server), FakeClusterClient.CaPem(_cluster), TlsServerName: "127.0.0.2");
        var client = FakeClusterClient.For(_cluster, endpoint: endpoint);
        var error = await Assert.ThrowsAsync<KubeTlsException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));
        Assert.Contains("x509: certificate is valid for 127.0.0.1, ::1, not 127.0.0.2.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_RequestsGoThroughTheProxyUrl()
    {
        await using var proxy = new ConnectProxy();
        var endpoint = new ClusterEndpoint(new Uri(_cluster.Server), FakeClusterClient.CaPem(_cluster), Proxy: proxy.Url);
        var client = FakeClusterClient.For(_cluster, endpoint: endpoint);
        Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);
        Assert.Equal(1, proxy.Tunnels);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_HonoursRetryAfter_ThenSucceeds(int statusCode)
    {
        var client = FakeClusterClient.For(_cluster);
        _cluster.Faults.Throttle(requests: 2, retryAfterSeconds: 1, statusCode);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var node = await client.GetAsync<Node>(Nodes, null, "fake-node-1", default);
        Assert.Equal("fake-node-1", node.Name);
        Assert.Equal(2, _cluster.Faults.ThrottledCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Retry_IsBounded_AndTheLastRefusalIsReported()
    {
        var client = FakeClusterClient.For(_cluster, new KubeClientOptions { MaxRetries = 1 });
        _cluster.Faults.Throttle(requests: 5, retryAfterSeconds: 0);
        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("TooManyRequests", error.Reason);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal(2, _cluster.Faults.ThrottledCount);
    }

    [Fact]
    public async Task Unreachable_ARefusedConnection_FailsAtOnceNamingTheServer()
    {
        var server = new Uri($"https://127.0.0.1:{ClosedPort()}");
        var trace = new List<string>();
        var client = FakeClusterClient.For(_cluster, new KubeClientOptions { Trace = trace.Add }, new ClusterEndpoint(server, FakeClusterClient.CaPem(_cluster)));
        var timer = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KubeApiUnreachableException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));

        // Five retries took 6 s (200 ms doubling); a refused connection is not retried at all.
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"took {timer.Elapsed}");
        Assert.DoesNotContain(trace, line => line.EndsWith("retrying", StringComparison.Ordinal));
        Assert.Equal(KubeUnreachableReason.Refused, error.Reason);
        Assert.Equal(server, error.Server);
        Assert.Equal($"The connection to the server https://127.0.0.1:{server.Port} was refused - did you specify the right host or port?", error.Message);
        Assert.Equal(KubeErrorKind.Unreachable, KubeErrors.Classify(error));
    }

    [Fact]
    public async Task Unreachable_AHostThatDoesNotResolve_FailsAtOnce()
    {
        var client = FakeClusterClient.For(_cluster, endpoint: new ClusterEndpoint(new Uri("https://no-such-host.invalid:6443"), FakeClusterClient.CaPem(_cluster)));
        var timer = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KubeApiUnreachableException>(() => client.GetServerVersionAsync(default));

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"took {timer.Elapsed}");
        Assert.Equal(KubeUnreachableReason.HostNotFound, error.Reason);
        Assert.Contains("https://no-such-host.invalid:6443", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_ADroppedConnection_IsRetriedForReadsOnly()
    {
        // A server that accepts each connection and closes it before answering.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var dropping = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                var request = new byte[4096];
                await socket.ReceiveAsync(request, stop.Token);
            }
        });
        var endpoint = new ClusterEndpoint(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"));
        var trace = new List<string>();
        var client = FakeClusterClient.For(_cluster, new KubeClientOptions { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10), Trace = trace.Add }, endpoint);

        var read = await Assert.ThrowsAsync<KubeApiUnreachableException>(() => client.GetAsync<Node>(Nodes, null, "fake-node-1", default));
        Assert.Equal(KubeUnreachableReason.ConnectionLost, read.Reason);
        Assert.Equal(2, trace.Count(line => line.StartsWith("GET ", StringComparison.Ordinal) && line.EndsWith("retrying", StringComparison.Ordinal)));
        Assert.True(Volatile.Read(ref accepted) >= 3);

        trace.Clear();
        var write = await Assert.ThrowsAsync<KubeApiUnreachableException>(() => client.CreateAsync(BuiltInResources.Find("configmaps")!, new ConfigMap { Metadata = new ObjectMeta { Name = "x" } }, null, default));
        Assert.DoesNotContain(trace, line => line.EndsWith("retrying", StringComparison.Ordinal));
        Assert.Contains("may or may not have been made", write.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropping);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Token_NeverAppearsInTheTraceOrInErrors()
    {
        var trace = new List<string>();
        var good = FakeClusterClient.WithToken(_cluster, _cluster.Token, new KubeClientOptions { Trace = trace.Add });
        await good.GetAsync<Node>(Nodes, null, "fake-node-1", default);
        Assert.NotEmpty(trace);
        Assert.DoesNotContain(trace, line => line.Contains(_cluster.Token, StringComparison.Ordinal));

        const string wrong = "s3cr3t-token-that-must-not-leak";
        var bad = FakeClusterClient.WithToken(_cluster, wrong, new KubeClientOptions { Trace = trace.Add });
        var error = await Assert.ThrowsAsync<KubeApiException>(() => bad.GetAsync<Node>(Nodes, null, "fake-node-1", default));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(trace, line => line.Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transport_SendsThePSKubeUserAgent()
    {
        var client = FakeClusterClient.For(_cluster);
        await client.GetServerVersionAsync(default);
        var request = _cluster.Faults.RecentRequests.Last(r => r.PathAndQuery == "/version");
        Assert.Equal($"PSKube/{typeof(KubeClient).Assembly.GetName().Version!.ToString(3)}", request.UserAgent);
    }

    [Fact]
    public async Task Errors_ABodyThatIsNotAStatus_BecomesOneFromTheHttpCode()
    {
        var client = FakeClusterClient.For(_cluster);
        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetDocumentAsync("/nothing-here", "application/json", default));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NotFound", error.Reason);
        Assert.Equal("GET /nothing-here: 404 page not found", error.Message);
    }

    [Fact]
    public async Task Errors_A422CarriesItsFieldCauses()
    {
        var client = FakeClusterClient.For(_cluster);
        var bad = new ConfigMap { Metadata = new ObjectMeta { Name = "Not_Valid" } };
        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.CreateAsync(BuiltInResources.Find("configmaps")!, bad, null, default));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("metadata.name", Assert.Single(error.Causes).Field);
    }
}
