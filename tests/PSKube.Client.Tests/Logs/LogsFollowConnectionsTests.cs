using System.Diagnostics;
using System.Text.Json.Nodes;
using PSKube.Client.Logs;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Faults;
using PSKube.Client.Transport;
using PSKube.Client.Tests.Workloads;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Logs;

/// <summary>
/// Following many pods: how many connections it takes (one HTTP/2 connection for every stream, as kubectl; one per
/// stream where the cluster refuses HTTP/2), how soon every stream opens, and that a dropped HTTP/2 connection,
/// which takes every stream with it, leaves no stream lost and no line lost or repeated.
/// </summary>
public sealed class LogsFollowConnectionsTests
{
    private const int PodCount = 50;
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public LogsFollowConnectionsTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private static async Task<KubeletCluster> StartWithPingPodsAsync(int pods, bool http2)
    {
        var cluster = await StartAsync(http2);
        for (var i = 0; i < pods; i++)
        {
            await cluster.CreatePodAsync($"ping-{i:00}", Spec("Always", Container("ping", "alpine:3.20", args: ["ping", "127.0.0.1"])),
                new JsonObject { ["labels"] = new JsonObject { ["app"] = "ping" } });
        }
        // Each pod has a few lines to tail before following starts.
        cluster.Advance(1);
        cluster.Advance(1);
        return cluster;
    }

    /// <summary>Follows app=ping until every pod has sent a line; returns when each pod's first line came, from the start.</summary>
    private static async Task<IReadOnlyDictionary<string, TimeSpan>> FirstLinesAsync(KubeClient client, int pods)
    {
        var fanIn = new LogFanIn(client, new LogFanInOptions { LabelSelector = "app=ping", Log = new PodLogOptions { Follow = true, TailLines = 1 } });
        var first = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var started = Stopwatch.StartNew();
        await foreach (var item in fanIn.ReadAsync(stop.Token))
        {
            Assert.NotEqual(KubeLogEventKind.Failed, item.Kind);
            if (item.Kind == KubeLogEventKind.Line)
            {
                first.TryAdd(item.Pod, started.Elapsed);
            }
            if (first.Count == pods)
            {
                break;
            }
        }
        return first;
    }

    [Fact]
    public async Task Follow_FiftyPods_OverHttp2_TakesAtMostTwoConnections_AndEveryStreamOpensWithinTwoSeconds()
    {
        await using var cluster = await StartWithPingPodsAsync(PodCount, http2: true);
        var client = FakeClusterClient.For(cluster.Server);
        var before = cluster.Server.ConnectionCount;
        // The request and log code compiled, as in a session that has run a command before (a cold process adds JIT).
        await foreach (var _ in client.ReadLogAsync("default", "ping-00", new PodLogOptions(), default))
        {
        }

        var first = await FirstLinesAsync(client, PodCount);

        var connections = cluster.Server.ConnectionCount - before;
        var slowest = first.Values.Max();
        _output.WriteLine($"HTTP/2: {connections} connection(s); first line of each stream after {first.Values.Min().TotalMilliseconds:0}..{slowest.TotalMilliseconds:0} ms");
        Assert.InRange(connections, 1, 2);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"the last stream's first line came after {slowest.TotalMilliseconds:0} ms");
        Assert.All(cluster.Server.Faults.RecentRequests.Where(r => r.PathAndQuery.Contains("/log?", StringComparison.Ordinal)), r => Assert.Equal("HTTP/2", r.Protocol));
    }

    [Fact]
    public async Task Follow_FiftyPods_WhereTheClusterRefusesHttp2_TakesAConnectionPerStream()
    {
        await using var cluster = await StartWithPingPodsAsync(PodCount, http2: false);
        var client = FakeClusterClient.For(cluster.Server);
        var before = cluster.Server.ConnectionCount;

        var first = await FirstLinesAsync(client, PodCount);

        var connections = cluster.Server.ConnectionCount - before;
        _output.WriteLine($"HTTP/1.1: {connections} connection(s); first line of each stream after {first.Values.Min().TotalMilliseconds:0}..{first.Values.Max().TotalMilliseconds:0} ms");
        // One per log stream, and the list and the pod watch share one more.
        Assert.InRange(connections, PodCount, PodCount + 2);
        Assert.All(cluster.Server.Faults.RecentRequests, r => Assert.Equal("HTTP/1.1", r.Protocol));
    }

    [Fact]
    public async Task Follow_ADroppedHttp2Connection_EveryStreamResumes_WithoutLostOrRepeatedLines()
    {
        const int pods = 10;
        await using var cluster = await StartWithPingPodsAsync(pods, http2: true);
        await using var proxy = FaultProxy.Start(cluster.Server.Server);
        var client = FakeClusterClient.For(cluster.Server, endpoint: new ClusterEndpoint(proxy.Server, FakeClusterClient.CaPem(cluster.Server)));
        await using var follow = new LogEventCollector(new LogFanIn(client, new LogFanInOptions { LabelSelector = "app=ping", Log = new PodLogOptions { Follow = true, TailLines = -1 } }));
        var names = Enumerable.Range(0, pods).Select(i => $"ping-{i:00}").ToList();
        await follow.WaitForAsync(_ => names.All(n => follow.Lines(n).Count >= 2), "every pod's lines so far");

        for (var round = 0; round < 3; round++)
        {
            await EventuallyAsync(() => proxy.OpenConnections == 1 && cluster.Server.Faults.OpenLogStreams == pods, "every stream open, over one connection");
            Assert.Equal(1, proxy.CutAll());
            cluster.Advance(1);
            cluster.Advance(1);
        }
        await EventuallyAsync(() => cluster.Server.Faults.OpenLogStreams == pods, "every stream open again");
        cluster.Advance(1);
        await follow.WaitForAsync(_ => names.All(n => follow.Lines(n).Any(l => l.Contains("seq=7 ", StringComparison.Ordinal))), "every pod's lines after the drops");

        Assert.DoesNotContain(follow.Events, e => e.Kind == KubeLogEventKind.Failed);
        Assert.All(names, name =>
        {
            var lines = follow.Lines(name);
            Assert.StartsWith("PING 127.0.0.1", lines[0], StringComparison.Ordinal);
            var sequence = lines.Skip(1).Select(l => int.Parse(l.Split("seq=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, sequence.Count), sequence);
        });
        // Each cut, every stream came back from where it was.
        var logRequests = cluster.Server.Faults.RecentRequests.Where(r => r.PathAndQuery.Contains("/log?", StringComparison.Ordinal)).ToList();
        Assert.True(logRequests.Count(r => r.PathAndQuery.Contains("sinceTime=", StringComparison.Ordinal)) >= 3 * pods, string.Join('\n', logRequests));
        Assert.All(logRequests, r => Assert.Equal("HTTP/2", r.Protocol));
    }
}
