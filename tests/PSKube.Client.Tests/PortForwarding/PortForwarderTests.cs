using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.PortForwarding;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.Client.Tests.Streaming;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.PortForwarding;

/// <summary>
/// The port-forward client against the fake: a local port to a pod over the kubelet's WebSocket protocol, many
/// connections at once, services and workloads resolved as kubectl resolves them, a pod that goes away, and a stop
/// that closes everything within 2 s.
/// </summary>
public sealed class PortForwarderTests : IAsyncLifetime
{
    private const string Kuard = "gcr.io/kuar-demo/kuard-amd64:blue";

    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        _client = FakeClusterClient.For(_cluster);
        await CreatePodAsync("kuard", "kuard");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task CreatePodAsync(string name, string app)
    {
        var pod = FakeClusterHttp.Pod(name, new() { ["app"] = app });
        var container = StreamingPods.Container("kuard", Kuard, 8080);
        container["ports"]![0]!["name"] = "http";
        pod["spec"]!["containers"] = new JsonArray(container);
        using var http = FakeClusterHttp.Client(_cluster);
        var (code, body) = await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.True(code == 201, body?.ToJsonString());
        StreamingPods.SetRunning(_cluster, name, "kuard");
    }

    private async Task DeletePodAsync(string name)
    {
        using var http = FakeClusterHttp.Client(_cluster);
        var (code, body) = await http.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/default/pods/{name}?gracePeriodSeconds=0");
        Assert.True(code == 200, body?.ToJsonString());
    }

    private static Pod PodNamed(string name) => new() { Kind = "Pod", Metadata = new ObjectMeta { Name = name, Namespace = "default" } };

    private static Deployment DeploymentOf(string app) => new()
    {
        Kind = "Deployment",
        Metadata = new ObjectMeta { Name = app, Namespace = "default" },
        Spec = new DeploymentSpec { Selector = new LabelSelector { MatchLabels = new() { ["app"] = app } } },
    };

    private Task<PortForwarder> StartAsync(KubeObject target, string ports) =>
        _client.StartPortForwardAsync(target, PortMapping.Parse(ports), IPAddress.Loopback, CancellationToken.None);

    /// <summary>One HTTP GET on its own connection; the whole answer, or empty when the forward drops the connection.</summary>
    private static async Task<string> GetAsync(int port, string path = "/")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync(timeout.Token);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task<PortForwardNotice> NoticeAsync(PortForwarder forward, PortForwardNoticeKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await forward.WaitForNoticeAsync(timeout.Token))
        {
            while (forward.TryReadNotice(out var notice))
            {
                if (notice.Kind == kind)
                {
                    return notice;
                }
            }
        }
        throw new InvalidOperationException($"The forward ended without a {kind} notice.");
    }

    private static async Task AssertClosedAsync(int port)
    {
        using var client = new TcpClient();
        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Theory]
    [InlineData("8080:80", 8080, "80")]
    [InlineData(":80", 0, "80")]
    [InlineData("0:80", 0, "80")]
    [InlineData("5000", null, "5000")]
    [InlineData("8080:http", 8080, "http")]
    public void PortMapping_ReadsKubectlsForms(string text, int? local, string remote) =>
        Assert.Equal(new PortMapping(local, remote), PortMapping.Parse(text));

    [Theory]
    [InlineData("1:2:3")]
    [InlineData("8080:")]
    [InlineData("8080:0")]
    [InlineData("x:80")]
    [InlineData("70000:80")]
    [InlineData("8080:Http")]
    public void PortMapping_RefusesWhatKubectlRefuses(string text) =>
        Assert.Throws<ArgumentException>(() => PortMapping.Parse(text));

    [Fact]
    public async Task Pod_ServesHttpThroughTheLocalPort_ManyConnectionsAtOnce()
    {
        await using var forward = await StartAsync(PodNamed("kuard"), ":8080");
        Assert.Equal(IPAddress.Loopback, forward.LocalEndPoint.Address);
        Assert.NotEqual(0, forward.LocalEndPoint.Port);
        Assert.Equal(new PortForwardEndpoint("default", "kuard", 8080), forward.Endpoint);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GetAsync(forward.LocalEndPoint.Port, "/ready")));
        Assert.All(answers, answer => Assert.EndsWith("\r\n\r\nok", answer, StringComparison.Ordinal));
        Assert.Contains("Served from kuard", await GetAsync(forward.LocalEndPoint.Port), StringComparison.Ordinal);
        Assert.Equal(13, forward.Connections);
        Assert.Equal(PortForwardState.Running, forward.State);
    }

    [Fact]
    public async Task Stop_RightAfterStart_EndsAsStopped_EvenBeforeTheFirstAcceptBegan()
    {
        // Stopped before its accept loop ran, the listener says "Not listening": that is a stop, not a failure.
        for (var i = 0; i < 50; i++)
        {
            var forward = await StartAsync(PodNamed("kuard"), ":8080");
            await forward.StopAsync();
            Assert.Equal(PortForwardState.Stopped, forward.State);
        }
    }

    [Fact]
    public async Task Stop_WithOpenConnections_EndsWithinTwoSeconds_ClosingTheListenerAndEveryConnection()
    {
        var forward = await StartAsync(PodNamed("kuard"), ":8080");
        var port = forward.LocalEndPoint.Port;
        var clients = new List<TcpClient>();
        for (var i = 0; i < 4; i++)
        {
            // Keep-alive connections in the middle of a conversation: the server waits for the next request.
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /healthy HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            var buffer = new byte[4096];
            Assert.True(await client.GetStream().ReadAsync(buffer) > 0);
            clients.Add(client);
        }
        Assert.Equal(4, forward.ActiveConnections);

        var stopwatch = Stopwatch.StartNew();
        await forward.StopAsync();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {stopwatch.Elapsed}");
        Assert.True(forward.Completion.IsCompletedSuccessfully);
        Assert.Equal(0, forward.ActiveConnections);
        Assert.Equal(PortForwardState.Stopped, forward.State);
        await AssertClosedAsync(port);
        foreach (var client in clients)
        {
            using (client)
            {
                // Each local connection is closed from the forward's side: end of stream (or a reset).
                try
                {
                    Assert.Equal(0, await client.GetStream().ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(2)));
                }
                catch (IOException)
                {
                }
            }
        }
        await forward.DisposeAsync();
    }

    [Fact]
    public async Task PortNothingListensOn_ClosesThatConnectionWithTheRuntimesError_AndKeepsListening()
    {
        await using var forward = await StartAsync(PodNamed("kuard"), ":9999");
        Assert.Equal("", await GetAsync(forward.LocalEndPoint.Port));
        var notice = await NoticeAsync(forward, PortForwardNoticeKind.ConnectionError);
        Assert.StartsWith($"An error occurred forwarding {forward.LocalEndPoint.Port} -> 9999: error forwarding port 9999 to pod ", notice.Message, StringComparison.Ordinal);
        Assert.Contains("connect: connection refused", notice.Message, StringComparison.Ordinal);
        Assert.Equal(PortForwardState.Running, forward.State);
    }

    [Fact]
    public async Task Service_ForwardsToASelectedPod_OnTheNamedTargetPort()
    {
        using var http = FakeClusterHttp.Client(_cluster);
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["app"] = "kuard" },
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "web", ["port"] = 80, ["targetPort"] = "http" }),
            },
        };
        var (code, body) = await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services", service);
        Assert.True(code == 201, body?.ToJsonString());
        var read = await _client.GetAsync<Service>(PSKube.Client.Resources.BuiltInResources.Find("services")!, "default", "web", CancellationToken.None);

        var (endpoint, local) = await PortForwardTargets.ResolveAsync(_client, read, PortMapping.Parse("80"), CancellationToken.None);
        Assert.Equal((new PortForwardEndpoint("default", "kuard", 8080), 80), (endpoint, local));
        Assert.Equal(8080, (await PortForwardTargets.ResolveAsync(_client, read, PortMapping.Parse(":web"), CancellationToken.None)).Endpoint.RemotePort);
        var missing = await Assert.ThrowsAsync<KubePortForwardException>(() => PortForwardTargets.ResolveAsync(_client, read, PortMapping.Parse("81"), CancellationToken.None));
        Assert.Equal("ServicePortNotFound", missing.Reason);
        Assert.Contains("80 (web)", missing.Message, StringComparison.Ordinal);

        await using var forward = await StartAsync(read, ":80");
        Assert.Contains("Served from kuard", await GetAsync(forward.LocalEndPoint.Port), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolution_RefusesWhatCannotBeForwarded()
    {
        await CreatePodAsync("stopped", "other");
        StreamingPods.SetRunning(_cluster, "stopped");
        var notRunning = await Assert.ThrowsAsync<KubePortForwardException>(() => StartAsync(PodNamed("stopped"), "8080"));
        Assert.Equal("PodNotRunning", notRunning.Reason);
        var noPod = await Assert.ThrowsAsync<KubePortForwardException>(() => StartAsync(DeploymentOf("other"), "8080"));
        Assert.Equal("NoRunningPod", noPod.Reason);
        Assert.Equal("Deployment other has no running pod to forward to (1 pod(s) selected). Wait until one runs, then try again.", noPod.Message);
        var unnamed = await Assert.ThrowsAsync<KubePortForwardException>(() => StartAsync(PodNamed("kuard"), ":metrics"));
        Assert.Equal("ContainerPortNotFound", unnamed.Reason);
        Assert.Contains("http (8080)", unnamed.Message, StringComparison.Ordinal);
        var configMap = new ConfigMap { Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "x", Namespace = "default" } };
        Assert.Equal("NotForwardable", (await Assert.ThrowsAsync<KubePortForwardException>(() => StartAsync(configMap, "80"))).Reason);
    }

    [Fact]
    public async Task PodDeleted_AForwardToThePodFails_AndClosesItsPort()
    {
        var forward = await StartAsync(PodNamed("kuard"), ":http");
        Assert.Equal(8080, forward.Endpoint.RemotePort);
        await DeletePodAsync("kuard");
        Assert.Equal("", await GetAsync(forward.LocalEndPoint.Port));
        await forward.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(PortForwardState.Failed, forward.State);
        Assert.Equal("Pod kuard was deleted", forward.Failure);
        await AssertClosedAsync(forward.LocalEndPoint.Port);
        await forward.DisposeAsync();
    }

    [Fact]
    public async Task PodDeleted_AForwardToAWorkloadMovesToAnotherOfItsPods()
    {
        await CreatePodAsync("kuard-2", "kuard");
        await using var forward = await StartAsync(DeploymentOf("kuard"), ":8080");
        var first = forward.Endpoint.Pod;
        await DeletePodAsync(first);

        Assert.Contains("Served from kuard", await GetAsync(forward.LocalEndPoint.Port), StringComparison.Ordinal);
        var notice = await NoticeAsync(forward, PortForwardNoticeKind.Retargeted);
        var second = first == "kuard" ? "kuard-2" : "kuard";
        Assert.Equal($"Pod {first} was deleted; forwarding to pod {second} port 8080 now", notice.Message);
        Assert.Equal(second, forward.Endpoint.Pod);
        Assert.Equal(PortForwardState.Running, forward.State);
    }
}
