using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Logs;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.Client.Tests.Logs;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Faults;

/// <summary>
/// A log follow over 10 pods and a watch, through the fault proxy, survive 100 connection cuts and 2 server stalls
/// (during which reconnects hang in the TLS handshake) with no line or event lost or repeated.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class SoakTests : IAsyncLifetime
{
    private const int Pods = 10;
    private const int Cuts = 100;
    private const string Header = "PING 127.0.0.1 (127.0.0.1): 56 data bytes";
    private static readonly ResourceDefinition ConfigMaps = BuiltInResources.Find("configmaps")!;
    private KubeletCluster _cluster = null!;
    private FaultProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _proxy = FaultProxy.Start(_cluster.Server.Server);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private static int Seq(string line) => int.Parse(line.Split("seq=")[1].Split(' ')[0], CultureInfo.InvariantCulture);

    private async Task CreateConfigMapAsync(int number)
    {
        var (code, body) = await _cluster.Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = $"soak-{number:000}" } });
        Assert.True(code == 201, body?.ToJsonString());
    }

    /// <summary>One more second of cluster time (a line from every pod) and one more config map (an event).</summary>
    private async Task StepAsync(int step)
    {
        _cluster.Advance(1);
        await CreateConfigMapAsync(step);
    }

    [Fact]
    public async Task Soak_FollowAndWatch_Survive100CutsAnd2Stalls_WithNothingLostOrRepeated()
    {
        for (var i = 0; i < Pods; i++)
        {
            await _cluster.CreatePodAsync($"soak-{i}", Spec("Always", Container("ping", "alpine:3.20", args: ["ping", "127.0.0.1"])),
                new JsonObject { ["labels"] = new JsonObject { ["app"] = "soak" } });
        }
        _cluster.Advance(2);
        var client = FakeClusterClient.For(_cluster.Server, new KubeClientOptions { ConnectTimeout = TimeSpan.FromSeconds(1) },
            new ClusterEndpoint(_proxy.Server, FakeClusterClient.CaPem(_cluster.Server)));
        var reports = new ConcurrentQueue<StreamHealthReport>();
        var health = new StreamHealthOptions { Progress = new Progress(reports) };
        await using var follow = new LogEventCollector(new LogFanIn(client, new LogFanInOptions
        {
            LabelSelector = "app=soak",
            Health = health,
            Log = new PodLogOptions { Follow = true, TailLines = LogFanIn.AllLines },
        }));
        using var stopWatching = new CancellationTokenSource();
        var events = new ConcurrentQueue<WatchEvent<ConfigMap>>();
        var watching = Task.Run(async () =>
        {
            await foreach (var change in client.ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, health, stopWatching.Token))
            {
                events.Enqueue(change);
            }
        });
        await follow.WaitForAsync(e => Enumerable.Range(0, Pods).All(i => follow.Lines($"soak-{i}").Count >= 2), "every pod followed");

        var (stalls, cuts, step) = (0, 0, 0);
        while (cuts < Cuts)
        {
            // Every log stream and both watches are back on the server before the next cut.
            await EventuallyAsync(() => _cluster.Server.Faults.OpenLogStreams >= Pods && _cluster.Server.Faults.OpenWatches >= 2, "the streams are connected again");
            await StepAsync(step++);
            if (cuts is 33 or 66 && stalls < cuts / 33)
            {
                // The server stalls: open streams freeze, and reconnects hang in the TLS handshake until it is back.
                _proxy.Stall();
                _proxy.CutAll();
                await Task.Delay(1500);
                _proxy.Resume();
                stalls++;
                continue;
            }
            await Task.Delay(10);
            if (_proxy.CutAll() > 0)
            {
                cuts++;
            }
        }
        _cluster.Advance(1);
        var lastConfigMap = $"soak-{step - 1:000}";
        await EventuallyAsync(() => events.Any(e => e.Object?.Name == lastConfigMap), "the last config map");
        var finalSeq = Seq(follow.Lines("soak-0")[^1]);
        await follow.WaitForAsync(e => Enumerable.Range(0, Pods).All(i => follow.Lines($"soak-{i}").Any(l => l != Header && Seq(l) >= finalSeq)), "every pod's last line");
        await stopWatching.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);

        Assert.Equal(2, stalls);
        Assert.DoesNotContain(follow.Events, e => e.Kind == KubeLogEventKind.Failed);
        for (var i = 0; i < Pods; i++)
        {
            var lines = follow.Lines($"soak-{i}");
            Assert.Equal(Header, lines[0]);
            var sequence = lines.Skip(1).Select(Seq).ToList();
            Assert.Equal(Enumerable.Range(0, sequence.Count), sequence);
            Assert.True(sequence.Count > Cuts, $"soak-{i}: {sequence.Count} lines");
        }
        Assert.Equal(Enumerable.Range(0, step).Select(n => $"soak-{n:000}"), events.Select(e => e.Object!.Name!));
        Assert.All(events, e => Assert.Equal(WatchEventType.Added, e.Type));
        Assert.Contains(reports, r => r.Kind == StreamHealthKind.Retrying);
    }

    private sealed class Progress(ConcurrentQueue<StreamHealthReport> reports) : IProgress<StreamHealthReport>
    {
        public void Report(StreamHealthReport value) => reports.Enqueue(value);
    }
}
