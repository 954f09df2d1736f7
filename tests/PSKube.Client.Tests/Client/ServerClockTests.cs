using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>Ages read against the server's clock (its Date header), so a cluster whose clock differs never reads &lt;invalid&gt;.</summary>
public sealed class ServerClockTests
{
    private static readonly DateTimeOffset Local = new(2024, 5, 1, 12, 0, 0, 400, TimeSpan.Zero);

    [Theory]
    [InlineData(0)] // the header's second, just after it began
    [InlineData(-1)] // a second of latency
    public void Observe_TheSameClockWithinTheHeadersResolutionIsNoOffset(int headerSecondsFromLocal)
    {
        var clock = new ServerClock();
        clock.Observe(Truncated(Local).AddSeconds(headerSecondsFromLocal), Local);
        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(-600)]
    [InlineData(5)]
    public void Observe_AClockAheadOrBehindIsTheOffset(int seconds)
    {
        var clock = new ServerClock();
        clock.Observe(Truncated(Local).AddSeconds(seconds), Local);
        // The server's time lies within its header's second: the offset is off by half a second at most.
        Assert.InRange(clock.Offset.TotalSeconds, seconds - 0.5, seconds + 0.5);
        Assert.InRange((clock.Now - DateTimeOffset.UtcNow).TotalSeconds, seconds - 1, seconds + 1);
    }

    [Fact]
    public void ObserveAtLeast_MovesTheClockOnlyForward()
    {
        var clock = new ServerClock();
        clock.ObserveAtLeast(Local.AddMinutes(-5), Local);
        Assert.Equal(TimeSpan.Zero, clock.Offset);
        clock.ObserveAtLeast(Local.AddMinutes(30), Local);
        Assert.Equal(TimeSpan.FromMinutes(30), clock.Offset);
        clock.ObserveAtLeast(Local.AddMinutes(10), Local);
        Assert.Equal(TimeSpan.FromMinutes(30), clock.Offset);
    }

    [Fact]
    public async Task Age_OfAWatchedObjectIsNeverInTheFuture_ThoughTheWatchStartedBeforeTheClockMoved()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        var watcher = FakeClusterClient.For(cluster);
        var writer = FakeClusterClient.For(cluster);
        var configMaps = BuiltInResources.Find("configmaps")!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (_, version) = await watcher.ListAllAsync<ConfigMap>(configMaps, "default", null, stop.Token);
        await using var changes = watcher.WatchAsync<ConfigMap>(configMaps, "default", version, null, null, stop.Token).GetAsyncEnumerator(stop.Token);
        var first = changes.MoveNextAsync();
        await writer.CreateAsync(configMaps, new ConfigMap { Metadata = new ObjectMeta { Name = "first", Namespace = "default" } }, null, stop.Token);
        Assert.True(await first);

        // The watch has its one Date header; only now does the cluster's clock jump ahead.
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        await writer.CreateAsync(configMaps, new ConfigMap { Metadata = new ObjectMeta { Name = "later", Namespace = "default" } }, null, stop.Token);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal("later", changes.Current.Object!.Name);
        Assert.InRange(changes.Current.Object.Age!.Value.TimeSpan.TotalSeconds, -1, 30);
    }

    [Fact]
    public void Age_OfAnObjectNotFromAServerUsesThisMachinesClock()
    {
        var configMap = new ConfigMap { Metadata = new ObjectMeta { CreationTimestamp = DateTimeOffset.UtcNow.AddSeconds(-620) } };
        Assert.Equal("10m", configMap.Age.ToString());
    }

    [Fact]
    public async Task Age_ReadsTheServersClock_WhenItRunsAheadOfThisMachine()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        var client = FakeClusterClient.For(cluster);
        var configMaps = BuiltInResources.Find("configmaps")!;
        cluster.Clock.Advance(TimeSpan.FromHours(3));

        // Created three hours ahead of this machine's clock: by this machine's clock the age would be <invalid>.
        var created = await client.CreateAsync(configMaps, new ConfigMap { Metadata = new ObjectMeta { Name = "ahead", Namespace = "default" } }, null, default);
        Assert.InRange(created.Age!.Value.TimeSpan.TotalSeconds, -1, 30);
        Assert.InRange(created.ServerClock!.Offset.TotalHours, 2.9, 3.1);

        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        await foreach (var listed in client.ListAsync<ConfigMap>(configMaps, "default"))
        {
            Assert.Equal("10m", listed.Age.ToString());
        }
        var read = await client.GetAsync<ConfigMap>(configMaps, "default", "ahead", default);
        Assert.Equal("10m", read.Age.ToString());
        var row = Assert.Single(await client.GetResourcesAsync(configMaps, "default", null, default), c => c.Name == "ahead");
        Assert.Equal("10m", row.Age.ToString());
    }

    private static DateTimeOffset Truncated(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
