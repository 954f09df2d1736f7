using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Faults;

/// <summary>Watches say how they are while the server is gone: a verbose report per retry, one warning, an end when told.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class StreamHealthTests : IAsyncLifetime
{
    private static readonly ResourceDefinition ConfigMaps = BuiltInResources.Find("configmaps")!;
    private FakeClusterServer _cluster = null!;
    private FaultProxy _proxy = null!;
    private readonly Reports _reports = new();

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync();
        _proxy = FaultProxy.Start(_cluster.Server);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private KubeClient ThroughProxy() =>
        FakeClusterClient.For(_cluster, new KubeClientOptions { ConnectTimeout = TimeSpan.FromSeconds(1) }, new ClusterEndpoint(_proxy.Server, FakeClusterClient.CaPem(_cluster)));

    private async Task CreateConfigMapAsync(string name)
    {
        var (code, body) = await FakeClusterHttp.Client(_cluster).SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = name } });
        Assert.True(code == 201, body?.ToJsonString());
    }

    private sealed class Reports : ConcurrentQueue<StreamHealthReport>, IProgress<StreamHealthReport>
    {
        public void Report(StreamHealthReport value) => Enqueue(value);
    }

    [Fact]
    public async Task StreamHealth_ServerGone_RetriesVerbosely_WarnsOnce_AndSaysWhenItIsBack()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var health = new StreamHealthOptions { Progress = _reports, WarnAfter = TimeSpan.FromSeconds(1.5) };
        await using var events = ThroughProxy().ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, health, cancel.Token).GetAsyncEnumerator(cancel.Token);
        await CreateConfigMapAsync("before");
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("before", events.Current.Object?.Name);

        _proxy.Refuse();
        var next = events.MoveNextAsync().AsTask();
        await KubeletClusterWait(() => _reports.Any(r => r.Kind == StreamHealthKind.Unhealthy), "a warning");
        await Task.Delay(1500);
        await CreateConfigMapAsync("during");
        _proxy.Resume();

        Assert.True(await next);
        Assert.Equal("during", events.Current.Object?.Name);
        var reports = _reports.ToList();
        var server = $"https://127.0.0.1:{_proxy.Port}";
        Assert.Single(reports, r => r.Kind == StreamHealthKind.Unhealthy);
        var warning = reports.Single(r => r.Kind == StreamHealthKind.Unhealthy);
        Assert.StartsWith($"Watch of /api/v1/namespaces/default/configmaps: the server {server} has not answered for ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("was refused", warning.Message, StringComparison.Ordinal);
        Assert.InRange(warning.Down, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5));
        Assert.True(reports.Count(r => r.Kind == StreamHealthKind.Retrying) >= 3);
        Assert.Equal(Enumerable.Range(1, reports.Count(r => r.Kind == StreamHealthKind.Retrying)), reports.Where(r => r.Kind == StreamHealthKind.Retrying).Select(r => r.Attempt));
        Assert.Equal(StreamHealthKind.Recovered, reports[^1].Kind);
        Assert.StartsWith($"Watch of /api/v1/namespaces/default/configmaps: reconnected to {server} after ", reports[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamHealth_GiveUpAfter_EndsTheWatchWithTheFailure()
    {
        var health = new StreamHealthOptions { Progress = _reports, GiveUpAfter = TimeSpan.FromSeconds(1) };
        await using var events = ThroughProxy().ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, health).GetAsyncEnumerator();
        await CreateConfigMapAsync("first");
        Assert.True(await events.MoveNextAsync());
        _proxy.Refuse();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KubeApiUnreachableException>(async () => await events.MoveNextAsync());

        Assert.Equal(KubeUnreachableReason.Refused, error.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task StreamHealth_AServerWithAnotherCa_EndsTheWatchAtOnce()
    {
        await using var other = await FakeClusterServer.StartAsync();
        await using var events = ThroughProxy().ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, new StreamHealthOptions { Progress = _reports }).GetAsyncEnumerator();
        await CreateConfigMapAsync("first");
        Assert.True(await events.MoveNextAsync());
        var clock = Stopwatch.StartNew();

        _proxy.Retarget(other.Server);
        var error = await Assert.ThrowsAsync<KubeTlsException>(async () => await events.MoveNextAsync());

        Assert.Equal(KubeTlsFailure.UnknownAuthority, error.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.DoesNotContain(_reports, r => r.Kind == StreamHealthKind.Retrying);
    }

    private static Task KubeletClusterWait(Func<bool> condition, string because) => Workloads.KubeletCluster.EventuallyAsync(condition, because);
}
