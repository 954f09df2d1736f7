using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>Watching: list-then-watch, resuming after dropped connections, relisting after 410, waiting.</summary>
public sealed class ClientWatchTests : IAsyncLifetime
{
    private static readonly ResourceDefinition ConfigMaps = BuiltInResources.Find("configmaps")!;
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { WatchHistory = 30, BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Watch_ListThenWatch_SeesExistingObjectsThenChanges()
    {
        Put("first", "1");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = _client.ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, null, cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.Equal((WatchEventType.Added, "first"), await Next(events));
        Put("second", "1");
        Assert.Equal((WatchEventType.Added, "second"), await Next(events));
        Put("first", "2");
        Assert.Equal((WatchEventType.Modified, "first"), await Next(events));
        _cluster.Store.Remove(ConfigMaps, "default", "second");
        Assert.Equal((WatchEventType.Deleted, "second"), await Next(events));
    }

    [Fact]
    public async Task WatchAfterList_SeesWhatWentBetweenTheListAndTheWatch_AndRepeatsNothingListed()
    {
        // The log follower lists its pods, starts following them, and only then watches: a pod deleted in between
        // must still come as DELETED, or the follower waits for it for ever.
        Put("stays", "1");
        Put("goes", "1");
        var (listed, version) = await _client.ListAllAsync<ConfigMap>(ConfigMaps, "default", null, default);
        _cluster.Store.Remove(ConfigMaps, "default", "goes");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await using var events = _client.WatchAfterListAsync(ConfigMaps, "default", null, listed, version, null, cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.Equal((WatchEventType.Deleted, "goes"), await Next(events));
        Put("stays", "2");
        Assert.Equal((WatchEventType.Modified, "stays"), await Next(events));
    }

    [Fact]
    public async Task Watch_SurvivesADroppedConnection_WithoutLosingOrRepeatingEvents()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        var reader = Task.Run(async () =>
        {
            await foreach (var change in _client.ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, null, cancel.Token))
            {
                lock (seen)
                {
                    seen.Add($"{change.Type} {change.Object!.Name} {change.Object.Data?["v"]}");
                }
                if (change.Object!.Name == "item-19")
                {
                    return;
                }
            }
        }, cancel.Token);

        for (var i = 0; i < 20; i++)
        {
            if (i is 5 or 12)
            {
                await Eventually(() => _cluster.Faults.OpenWatches > 0);
                Assert.True(_cluster.Faults.DropWatches() > 0);
            }
            Put($"item-{i:D2}", "x");
            await Task.Delay(20);
        }
        await reader;
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Added item-{i:D2} x"), seen);
    }

    [Fact]
    public async Task Watch_After410Expired_ListsAgainAndReportsOnlyTheDifference()
    {
        Put("stays", "1");
        Put("goes", "1");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = _client.ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, null, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var initial = new[] { await Next(events), await Next(events) };
        Assert.Equal(2, initial.Length);

        // Before the client watches from its list's version, more changes happen than the server remembers:
        // the watch is 410 Expired, and the client lists again.
        _cluster.Store.Remove(ConfigMaps, "default", "goes");
        for (var i = 0; i < 40; i++)
        {
            Put($"noise-{i:D2}", "n");
        }
        Put("stays", "2");

        var changes = new List<(WatchEventType, string)>();
        while (changes.Count < 42)
        {
            changes.Add(await Next(events));
        }
        Assert.Contains((WatchEventType.Deleted, "goes"), changes);
        Assert.Contains((WatchEventType.Modified, "stays"), changes);
        Assert.Equal(40, changes.Count(c => c.Item1 == WatchEventType.Added && c.Item2.StartsWith("noise-", StringComparison.Ordinal)));
        Assert.Equal(changes.Count, changes.Distinct().Count());
    }

    [Fact]
    public async Task Watch_StopsPromptlyWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var _ in _client.ListAndWatchAsync<ConfigMap>(ConfigMaps, "default", null, null, cancel.Token))
            {
            }
        });
        await Eventually(() => _cluster.Faults.OpenWatches > 0);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Wait_UntilConditionHolds_UntilDeleted_OrTimesOut()
    {
        Put("flag", "off");
        var waiting = _client.WaitAsync<ConfigMap>(ConfigMaps, null, "flag", c => c.Data?["v"] == "on", TimeSpan.FromSeconds(20), default);
        await Task.Delay(200);
        Put("flag", "on");
        var met = await waiting;
        Assert.Equal(WaitOutcome.ConditionMet, met.Outcome);
        Assert.Equal("on", met.Object!.Data!["v"]);

        var timedOut = await _client.WaitAsync<ConfigMap>(ConfigMaps, null, "flag", c => c.Data?["v"] == "never", TimeSpan.FromMilliseconds(500), default);
        Assert.Equal(WaitOutcome.TimedOut, timedOut.Outcome);

        var deletion = _client.WaitForDeletionAsync<ConfigMap>(ConfigMaps, null, "flag", TimeSpan.FromSeconds(20), default);
        await Task.Delay(200);
        _cluster.Store.Remove(ConfigMaps, "default", "flag");
        Assert.True(await deletion);
        Assert.True(await _client.WaitForDeletionAsync<Pod>(Pods, null, "never-existed", TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task Wait_ForAnObjectGoneBeforeTheWaitLists_IsDeletedAtOnce()
    {
        // Callers look the object up before they wait; if it goes in between, no watch event will ever say so,
        // and the wait used to run into its timeout (a namespace the reaper removed at once did that).
        Put("brief", "1");
        Assert.NotNull(await _client.FindAsync<ConfigMap>(ConfigMaps, "default", "brief", default));
        _cluster.Store.Remove(ConfigMaps, "default", "brief");

        var result = await _client.WaitAsync<ConfigMap>(ConfigMaps, null, "brief", _ => false, TimeSpan.FromSeconds(30), default);
        Assert.Equal(WaitOutcome.Deleted, result.Outcome);
        Assert.Null(result.Object);
    }

    [Fact]
    public async Task Wait_ConditionAlreadyMet_EndsWithTheListedObject()
    {
        Put("ready", "on");
        var result = await _client.WaitAsync<ConfigMap>(ConfigMaps, null, "ready", c => c.Data?["v"] == "on", TimeSpan.FromSeconds(30), default);
        Assert.Equal(WaitOutcome.ConditionMet, result.Outcome);
        Assert.Equal("on", result.Object!.Data!["v"]);
    }

    private void Put(string name, string value)
    {
        lock (_cluster.Store.Gate)
        {
            var existing = _cluster.Store.Get(ConfigMaps, "default", name);
            var obj = existing ?? new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["uid"] = Guid.NewGuid().ToString() },
            };
            obj["data"] = new JsonObject { ["v"] = value };
            if (existing is null)
            {
                _cluster.Store.Add(ConfigMaps, obj);
            }
            else
            {
                _cluster.Store.Replace(ConfigMaps, obj);
            }
        }
    }

    private static async Task<(WatchEventType, string)> Next(IAsyncEnumerator<WatchEvent<ConfigMap>> events)
    {
        Assert.True(await events.MoveNextAsync(), "the watch ended");
        return (events.Current.Type, events.Current.Object!.Name!);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20);
        }
    }
}
