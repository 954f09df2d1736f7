using System.Text;
using System.Text.RegularExpressions;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Streaming;

/// <summary>pods/portforward over WebSocket on the fake: the port prefixes, kuard's HTTP, echo ports and refused ports.</summary>
public sealed class PortForwardTests : IAsyncLifetime
{
    private const string V4 = "v4.channel.k8s.io";

    private FakeClusterServer _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        await StreamingPods.CreateRunningAsync(_cluster, "kuard",
            StreamingPods.Container("kuard", "gcr.io/kuar-demo/kuard-amd64:blue", 8080),
            StreamingPods.Container("cache", "redis", 6379));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Forward(string query) => $"/api/v1/namespaces/default/pods/kuard/portforward?{query}";

    [Fact]
    public async Task PortForward_KuardHttpGet_ThroughChannelZero()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Forward("ports=8080"), V4);
        await socket.WaitForAsync(s => s.Frames.Count == 2);
        Assert.Equal(V4, socket.Subprotocol);
        Assert.Equal([(byte)0, (byte)1], socket.Frames.Select(f => f.Channel));
        Assert.All(socket.Frames, f => Assert.Equal(new byte[] { 0x90, 0x1f }, f.Data));

        await socket.SendAsync(0, "GET /healthy HTTP/1.1\r\nHost: localhost:8080\r\n\r\n");
        await socket.WaitForAsync(s => s.Text(0).EndsWith("\r\n\r\nok", StringComparison.Ordinal));
        await socket.SendAsync(0, "GET / HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n");
        await socket.ReadToEndAsync();

        var responses = Encoding.UTF8.GetString(socket.Frames.Where(f => f.Channel == 0).Skip(1).SelectMany(f => f.Data).ToArray());
        Assert.StartsWith("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain; charset=utf-8\r\nDate: ", responses, StringComparison.Ordinal);
        var page = responses[(responses.IndexOf("\r\n\r\nok", StringComparison.Ordinal) + 6)..];
        Assert.StartsWith("HTTP/1.1 200 OK\r\nConnection: close\r\n", page, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html\r\n", page, StringComparison.Ordinal);
        Assert.Contains("KUARD", page, StringComparison.Ordinal);
        var length = int.Parse(Regex.Match(page, @"Content-Length: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(length, Encoding.UTF8.GetByteCount(page[(page.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]));
        Assert.Equal("", socket.Text(1)[2..]);
    }

    [Fact]
    public async Task PortForward_UnknownPath_IsGoNotFound()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Forward("ports=8080"), "portforward.k8s.io");
        await socket.SendAsync(0, "GET /nothing HTTP/1.0\r\n\r\n");
        await socket.ReadToEndAsync();

        var response = Encoding.UTF8.GetString(socket.Frames.Where(f => f.Channel == 0).Skip(1).SelectMany(f => f.Data).ToArray());
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 19\r\n", response, StringComparison.Ordinal);
        Assert.EndsWith("\r\nX-Content-Type-Options: nosniff\r\n\r\n404 page not found\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortForward_DeclaredPortEchoes_AndAClosedPortGetsTheRuntimeError()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Forward("ports=6379,9999"), V4);
        await socket.WaitForAsync(s => s.Text(3).Length > 2);
        await socket.SendAsync(0, "PING\r\n");
        await socket.WaitForAsync(s => s.Text(0).EndsWith("PING\r\n", StringComparison.Ordinal));

        var frames = socket.Frames;
        Assert.Equal(new byte[] { 0xeb, 0x18 }, frames.First(f => f.Channel == 0).Data);
        Assert.Equal(new byte[] { 0xeb, 0x18 }, frames.First(f => f.Channel == 1).Data);
        Assert.Equal(new byte[] { 0x0f, 0x27 }, frames.First(f => f.Channel == 2).Data);
        Assert.Equal(new byte[] { 0x0f, 0x27 }, frames.First(f => f.Channel == 3).Data);
        Assert.Matches(new Regex(
            "^error forwarding port 9999 to pod (?<id>[0-9a-f]{64}), uid : failed to execute portforward in network namespace " +
            "\"/var/run/netns/cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\": failed to connect to localhost:9999 inside namespace " +
            "\"\\k<id>\", IPv4: dial tcp4 127.0.0.1:9999: connect: connection refused IPv6 dial tcp6 \\[::1\\]:9999: connect: connection refused $"),
            socket.Text(3)[2..]);
        Assert.Equal("", socket.Text(1)[2..]);
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("ports=http", 400)]
    [InlineData("ports=0", 400)]
    public async Task PortForward_BadPorts_AreRefusedBeforeTheUpgrade(string query, int code)
    {
        Assert.Equal(code, await ChannelSocketClient.RefusedStatusAsync(_cluster, Forward(query), V4));
    }

    [Fact]
    public async Task PortForward_PodWithoutRunningContainers_IsRefused()
    {
        StreamingPods.SetRunning(_cluster, "kuard");
        Assert.Equal(500, await ChannelSocketClient.RefusedStatusAsync(_cluster, Forward("ports=8080"), V4));
    }
}
