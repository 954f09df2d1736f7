using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Streaming;

/// <summary>pods/attach over WebSocket on the fake: terminal echo, the end when the container stops, refusals.</summary>
public sealed class AttachTests : IAsyncLifetime
{
    private const string V5 = "v5.channel.k8s.io";

    private FakeClusterServer _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        var interactive = StreamingPods.Container("main");
        interactive["stdin"] = true;
        interactive["tty"] = true;
        await StreamingPods.CreateRunningAsync(_cluster, "console", interactive);
        await StreamingPods.CreateRunningAsync(_cluster, "plain", StreamingPods.Container("main"));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Attach(string pod, string query) => $"/api/v1/namespaces/default/pods/{pod}/attach?{query}";

    [Fact]
    public async Task Attach_WithTerminal_EchoesInput_AndSucceedsWhenTheContainerStops()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Attach("console", "container=main&stdin=true&stdout=true&tty=true"), V5);
        await socket.WaitForAsync(s => s.Frames.Count == 1);
        await socket.SendAsync(0, "hi\r");
        await socket.WaitForAsync(s => s.Text(1) == "hi\r\n");

        StreamingPods.SetRunning(_cluster, "console");
        var frames = await socket.ReadToEndAsync();

        Assert.Equal((byte)1, frames[0].Channel);
        Assert.Empty(frames[0].Data);
        Assert.Equal("""{"metadata":{},"status":"Success"}""", socket.Text(3));
    }

    [Fact]
    public async Task Attach_WithoutTerminal_SendsNothingBack_AndEndsWhenThePodGoesAway()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Attach("plain", "stdin=true&stdout=true&stderr=true"), V5);
        await socket.SendAsync(0, "ignored\n");
        await socket.WaitForAsync(s => s.Frames.Count == 1);

        lock (_cluster.Store.Gate)
        {
            _cluster.Store.Remove(BuiltInResources.All.First(r => r.Kind == "Pod"), "default", "plain");
        }
        await socket.ReadToEndAsync();

        Assert.Equal("", socket.Text(1));
        Assert.Equal("""{"metadata":{},"status":"Success"}""", socket.Text(3));
    }

    [Fact]
    public async Task Attach_StoppedContainer_ReportsTheKubeletRefusal()
    {
        StreamingPods.SetRunning(_cluster, "plain");
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Attach("plain", "stdout=true"), V5);
        await socket.ReadToEndAsync();

        var status = JsonNode.Parse(socket.Text(3))!;
        Assert.Equal("Internal error occurred: unable to upgrade connection: container not found (\"main\")", (string?)status["message"]);
        Assert.Equal(500, (int?)status["code"]);
    }
}
