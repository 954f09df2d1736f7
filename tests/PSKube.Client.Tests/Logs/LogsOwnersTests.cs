using System.Text.Json.Nodes;
using PSKube.Client.Logs;
using PSKube.Client.Models;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Logs;

/// <summary>The merged log of the pods an object owns (a Deployment piped into Receive-KubeLog), and kubectl's --tail=-1.</summary>
public sealed class LogsOwnersTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private Task PingPodAsync(string name, string app = "ping") =>
        _cluster.CreatePodAsync(name, Spec("Always", Container("ping", "alpine:3.20", args: ["ping", "127.0.0.1"])),
            new JsonObject { ["labels"] = new JsonObject { ["app"] = app } });

    private static Deployment Owner(string app) => new()
    {
        Kind = "Deployment",
        Metadata = new ObjectMeta { Name = app, Namespace = "default" },
        Spec = new DeploymentSpec { Selector = new LabelSelector { MatchLabels = new() { ["app"] = app } } },
    };

    private async Task<List<KubeLogEvent>> ReadAsync(LogFanInOptions options)
    {
        var events = new List<KubeLogEvent>();
        await foreach (var item in new LogFanIn(_client, options).ReadAsync(CancellationToken.None))
        {
            events.Add(item);
        }
        return events;
    }

    [Fact]
    public async Task Logs_Owners_ReadTheirPods_TailedAsASelector_UnlessAllLines()
    {
        await PingPodAsync("ping-b");
        await PingPodAsync("ping-a");
        await PingPodAsync("other", app: "other");
        _cluster.Advance(30);

        var tailed = await ReadAsync(new LogFanInOptions { Owners = [Owner("ping")] });
        Assert.Equal([.. Enumerable.Repeat("ping-a", 10), .. Enumerable.Repeat("ping-b", 10)], tailed.Select(e => e.Pod));

        var all = await ReadAsync(new LogFanInOptions { Owners = [Owner("ping")], Log = new PodLogOptions { TailLines = LogFanIn.AllLines } });
        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", all[0].Record!.Message);
        Assert.True(all.Count(e => e.Pod == "ping-a") > 25, string.Join('\n', all));

        var selectorAll = await ReadAsync(new LogFanInOptions { LabelSelector = "app=ping", Log = new PodLogOptions { TailLines = LogFanIn.AllLines } });
        Assert.Equal(all.Count, selectorAll.Count);
    }

    [Fact]
    public async Task Logs_Owners_WithPods_ReadEachPodOnce_GivenPodsFirst()
    {
        await PingPodAsync("ping-a");
        await PingPodAsync("other", app: "other");
        _cluster.Advance(5);

        var events = await ReadAsync(new LogFanInOptions { Owners = [Owner("ping"), Owner("nothing")], PodNames = ["other", "ping-a"], Log = new PodLogOptions { TailLines = 1 } });
        Assert.Equal(["other", "ping-a"], events.Select(e => e.Pod));
    }

    [Fact]
    public async Task Logs_Owners_Follow_NewPodsJoin()
    {
        await PingPodAsync("ping-a");
        _cluster.Advance(3);
        await using var follow = new LogEventCollector(new LogFanIn(_client, new LogFanInOptions
        {
            Owners = [Owner("ping")],
            Log = new PodLogOptions { Follow = true, TailLines = 1 },
        }));
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count == 1, "the tail of the existing pod");

        await PingPodAsync("ping-b");
        await PingPodAsync("other", app: "other");
        for (var i = 0; i < 3; i++)
        {
            _cluster.Advance(1);
            await Task.Delay(20);
        }
        await follow.WaitForAsync(e => follow.Lines("ping-b").Count >= 2, "the new pod's lines");
        Assert.Contains(follow.Events, e => e.ToString() == "+ pod/ping-b");
        Assert.DoesNotContain(follow.Events, e => e.Pod == "other");
        Assert.False(follow.Reading.IsCompleted);
    }

    [Fact]
    public void Logs_Owners_KindWithoutPods_FailsAtOnce()
    {
        var configMap = new ConfigMap { Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "settings", Namespace = "default" } };
        var error = Assert.Throws<ArgumentException>(() => new LogFanIn(_client, new LogFanInOptions { Owners = [configMap] }));
        Assert.StartsWith("ConfigMap objects have no pods", error.Message, StringComparison.Ordinal);
    }
}
