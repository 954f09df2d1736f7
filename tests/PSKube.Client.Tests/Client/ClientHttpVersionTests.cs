using System.Net;
using System.Net.Sockets;
using System.Text;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Faults;
using PSKube.Client.Tests.Streaming;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>
/// Which HTTP version requests travel over: HTTP/2 where the cluster offers it in the TLS handshake (all requests and
/// streams sharing one connection, more connections only past the server's stream limit), HTTP/1.1 where the cluster
/// refuses it or a plain HTTP proxy stands between, HTTP/2 through a CONNECT proxy.
/// </summary>
public sealed class ClientHttpVersionTests
{
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;
    private static readonly ResourceDefinition Nodes = BuiltInResources.Find("nodes")!;

    [Fact]
    public async Task Http2_RequestsAndWatches_ShareOneConnection()
    {
        await using var cluster = await FakeClusterServer.StartAsync();
        var client = FakeClusterClient.For(cluster);
        var before = cluster.ConnectionCount;

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watches = Enumerable.Range(0, 5).Select(_ => FirstEventAsync(client, stop.Token)).ToList();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync<Node>(Nodes, null, "fake-node-1", stop.Token)));
        await Task.WhenAll(watches);

        Assert.Equal(1, cluster.ConnectionCount - before);
        Assert.All(cluster.Faults.RecentRequests, r => Assert.Equal("HTTP/2", r.Protocol));
    }

    [Fact]
    public async Task Http2_StreamsBeyondTheServersLimit_OpenAnotherConnection_InsteadOfWaiting()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Http2MaxConcurrentStreams = 4 });
        var client = FakeClusterClient.For(cluster);
        var before = cluster.ConnectionCount;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Ten watches that stay open: with one connection of four streams, six would wait for a free one forever.
        var watches = Enumerable.Range(0, 10).Select(_ => WatchUntilCancelledAsync(client, stop.Token)).ToList();
        await WaitAsync(() => cluster.Faults.OpenWatches == 10, "every watch open");

        Assert.InRange(cluster.ConnectionCount - before, 3, 10);
        await stop.CancelAsync();
        await Task.WhenAll(watches);
    }

    [Fact]
    public async Task Http2_AReadCutOffWithItsConnection_IsRetried_AWriteIsReportedAsMaybeMade()
    {
        await using var cluster = await FakeClusterServer.StartAsync();
        await using var proxy = FaultProxy.Start(cluster.Server);
        var trace = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var options = new KubeClientOptions { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10), Trace = trace.Enqueue };
        var client = FakeClusterClient.For(cluster, options, new ClusterEndpoint(proxy.Server, FakeClusterClient.CaPem(cluster)));
        await client.GetAsync<Node>(Nodes, null, "fake-node-1", default);

        proxy.Stall();
        var held = proxy.Held;
        var read = client.GetAsync<Node>(Nodes, null, "fake-node-1", default);
        await WaitAsync(() => proxy.Held > held, "the request is on its way");
        Assert.Equal(1, proxy.CutAll());
        proxy.Resume();

        Assert.Equal("fake-node-1", (await read).Name);
        Assert.Contains(trace, line => line.StartsWith("GET /api/v1/nodes/fake-node-1 failed", StringComparison.Ordinal) && line.EndsWith("retrying", StringComparison.Ordinal));

        // A write is not sent again: it may have been made.
        proxy.Stall();
        held = proxy.Held;
        var write = client.CreateAsync(BuiltInResources.Find("configmaps")!, new ConfigMap { Metadata = new ObjectMeta { Name = "cut" } }, null, default);
        await WaitAsync(() => proxy.Held > held, "the write is on its way");
        proxy.CutAll();
        proxy.Resume();
        var error = await Assert.ThrowsAsync<KubeApiUnreachableException>(() => write);
        Assert.Equal(KubeUnreachableReason.ConnectionLost, error.Reason);
        Assert.Contains("may or may not have been made", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClusterThatRefusesHttp2_GetsHttp11()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Http2 = false });
        var client = FakeClusterClient.For(cluster);

        Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await FirstEventAsync(client, stop.Token);

        Assert.NotEmpty(cluster.Faults.RecentRequests);
        Assert.All(cluster.Faults.RecentRequests, r => Assert.Equal("HTTP/1.1", r.Protocol));
    }

    [Theory]
    [InlineData(true, "HTTP/2")]
    [InlineData(false, "HTTP/1.1")]
    public async Task ThroughAConnectProxy_TheClusterStillChoosesTheVersion_OverOneTunnel(bool http2, string expected)
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Http2 = http2 });
        await using var proxy = new ConnectProxy();
        var endpoint = new ClusterEndpoint(new Uri(cluster.Server), FakeClusterClient.CaPem(cluster), Proxy: proxy.Url);
        var client = FakeClusterClient.For(cluster, endpoint: endpoint);

        await client.GetAsync<Node>(Nodes, null, "fake-node-1", default);
        await client.ListAllAsync<Namespace>(Namespaces, null, null, default);

        Assert.Equal(1, proxy.Tunnels);
        Assert.All(cluster.Faults.RecentRequests, r => Assert.Equal(expected, r.Protocol));
    }

    [Fact]
    public async Task WebSocketUpgrades_StayOnHttp11_NextToHttp2Requests()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { RandomSeed = 7, SimulateKubelet = false });
        await StreamingPods.CreateRunningAsync(cluster, "shell", StreamingPods.Container("main"));
        var client = FakeClusterClient.For(cluster);

        await client.GetAsync<Node>(Nodes, null, "fake-node-1", default);
        var output = new List<string>();
        await foreach (var item in RemoteCommandRun.RunAsync(client, "default", "shell", ["echo", "hi"], null, null, splitLines: true, default))
        {
            output.Add($"{item.Kind} {item.Text}");
        }

        Assert.Equal(["Output hi", "Ended "], output);
        var requests = cluster.Faults.RecentRequests;
        Assert.Equal("HTTP/2", requests.Single(r => r.PathAndQuery == "/api/v1/nodes/fake-node-1").Protocol);
        Assert.Equal("HTTP/1.1", requests.Single(r => r.PathAndQuery.Contains("/exec?", StringComparison.Ordinal)).Protocol);
    }

    [Fact]
    public async Task ThroughAPlainHttpProxy_AnHttpClusterIsAskedInHttp11()
    {
        // A plain HTTP proxy gets each request whole, its target as an absolute URL; it answers for the cluster.
        using var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        var answering = Task.Run(async () =>
        {
            using var socket = await proxy.AcceptSocketAsync();
            var buffer = new byte[8192];
            var received = 0;
            while (!Encoding.ASCII.GetString(buffer, 0, received).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                received += await socket.ReceiveAsync(buffer.AsMemory(received));
            }
            var body = """{"apiVersion":"v1","kind":"Node","metadata":{"name":"fake-node-1"}}""";
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
            return Encoding.ASCII.GetString(buffer, 0, received).Split("\r\n")[0];
        });
        var endpoint = new ClusterEndpoint(new Uri("http://cluster.invalid:8080"), Proxy: new Uri($"http://127.0.0.1:{((IPEndPoint)proxy.LocalEndpoint).Port}"));
        var client = new KubeClient(new KubeContext("plain", "plain", "", "default", endpoint, AnonymousCredentials.Instance), new KubeConnection(endpoint, AnonymousCredentials.Instance));

        Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);

        Assert.Equal("GET http://cluster.invalid:8080/api/v1/nodes/fake-node-1 HTTP/1.1", await answering);
    }

    private static async Task FirstEventAsync(KubeClient client, CancellationToken cancellationToken)
    {
        await foreach (var _ in client.WatchAsync<Namespace>(Namespaces, null, null, timeout: TimeSpan.FromSeconds(30), cancellationToken: cancellationToken))
        {
            return;
        }
    }

    private static async Task WatchUntilCancelledAsync(KubeClient client, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in client.WatchAsync<Namespace>(Namespaces, null, null, timeout: TimeSpan.FromSeconds(60), cancellationToken: cancellationToken))
            {
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(20);
        }
    }
}
