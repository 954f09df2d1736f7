using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;
using PSKube.FakeCluster.Storage;
using Xunit.Abstractions;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The fake API server at scale, as the real one behaves: paged lists read one snapshot in linear time,
/// continue tokens expire with the compaction window, deletecollection goes in one pass, events expire after an hour.
/// </summary>
public sealed class FakeClusterScaleTests(ITestOutputHelper output) : FakeClusterHttpTest
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private static readonly ResourceDefinition ConfigMapResource = BuiltInResources.Find("configmaps")!;
    private static readonly ResourceDefinition EventResource = BuiltInResources.Find("events")!;

    [Fact]
    public async Task PagedList_ReadsTheSnapshotOfItsFirstPage_WhileWritesHappen()
    {
        SeedConfigMaps("default", 30);
        var (_, first) = await Http.SendAsync(HttpMethod.Get, ConfigMaps + "?limit=10");
        var listVersion = (string?)first!["metadata"]!["resourceVersion"];
        var names = Names(first);

        // Between pages: one not read yet goes, one changes, one is added after the current position.
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Delete, ConfigMaps + "/cm-0025")).Code);
        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap("cm-9999"))).Code);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Put, ConfigMaps + "/cm-0020", FakeClusterHttp.ConfigMap("cm-0020", "changed"))).Code);

        var page = first;
        var pages = new List<JsonNode> { first };
        while ((string?)page!["metadata"]!["continue"] is { Length: > 0 } token)
        {
            var (code, next) = await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}?limit=10&continue={Uri.EscapeDataString(token)}");
            Assert.Equal(200, code);
            Assert.Equal(listVersion, (string?)next!["metadata"]!["resourceVersion"]);
            names.AddRange(Names(next));
            pages.Add(next);
            page = next;
        }

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"cm-{i:D4}"), names);
        var changed = pages.SelectMany(p => p["items"]!.AsArray()).Single(i => (string?)i!["metadata"]!["name"] == "cm-0020");
        Assert.Equal("v", (string?)changed!["data"]!["key"]);
        Assert.Equal([10, 10, 10], pages.Select(p => p["items"]!.AsArray().Count));
        Assert.Equal([20, 10], pages.Take(2).Select(p => (int)p["metadata"]!["remainingItemCount"]!));

        // A new list sees the writes.
        var (_, fresh) = await Http.SendAsync(HttpMethod.Get, ConfigMaps);
        var now = Names(fresh!);
        Assert.Contains("cm-9999", now);
        Assert.DoesNotContain("cm-0025", now);
    }

    [Fact]
    public async Task PagedList_WithASelector_LeavesOutRemainingItemCount_AndStillListsEachMatchOnce()
    {
        SeedConfigMaps("default", 25);
        var names = new List<string>();
        var path = ConfigMaps + "?limit=4&fieldSelector=metadata.name%21%3Dcm-0003";
        while (true)
        {
            var (_, page) = await Http.SendAsync(HttpMethod.Get, path);
            Assert.Null(page!["metadata"]!["remainingItemCount"]);
            names.AddRange(Names(page));
            if ((string?)page["metadata"]!["continue"] is not { Length: > 0 } token)
            {
                break;
            }
            path = ConfigMaps + "?limit=4&fieldSelector=metadata.name%21%3Dcm-0003&continue=" + Uri.EscapeDataString(token);
        }
        Assert.Equal(Enumerable.Range(0, 25).Where(i => i != 3).Select(i => $"cm-{i:D4}"), names);
    }

    [Fact]
    public void ListSnapshot_OnASpedUpCluster_IsKeptFiveMinutesOfRealTime()
    {
        // etcd compacts on the wall clock: at 30x, six cluster minutes are twelve real seconds, far from compaction.
        var clock = new FakeClock(30);
        var store = new ObjectStore(100, clock);
        var snapshot = store.Read(ConfigMapResource);
        store.Keep(snapshot);

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Same(snapshot, store.Kept(ConfigMapResource, snapshot.ResourceVersion));

        clock.Advance(ObjectStore.SnapshotRetention * 30);
        Assert.Null(store.Kept(ConfigMapResource, snapshot.ResourceVersion));
    }

    [Fact]
    public async Task ContinueToken_OlderThanTheCompactionWindow_Is410Expired_WithATokenForTheRest()
    {
        SeedConfigMaps("default", 5);
        var (_, first) = await Http.SendAsync(HttpMethod.Get, ConfigMaps + "?limit=2");
        var token = (string)first!["metadata"]!["continue"]!;
        Cluster.Clock.Advance(TimeSpan.FromMinutes(6));
        await Http.SendAsync(HttpMethod.Delete, ConfigMaps + "/cm-0004");

        var (code, status) = await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}?limit=2&continue={Uri.EscapeDataString(token)}");
        Assert.Equal(410, code);
        Assert.Equal("Expired", (string?)status!["reason"]);
        Assert.StartsWith("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response",
            (string?)status["message"], StringComparison.Ordinal);

        // The token it offers goes on from the same key in the current state: inconsistent, as the message says.
        var inconsistent = (string)status["metadata"]!["continue"]!;
        var (restCode, rest) = await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}?continue={Uri.EscapeDataString(inconsistent)}");
        Assert.Equal(200, restCode);
        Assert.Equal(["cm-0002", "cm-0003"], Names(rest!));

        var (badCode, bad) = await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}?limit=2&continue={Uri.EscapeDataString(token)}&resourceVersion=5");
        Assert.Equal(400, badCode);
        Assert.Equal("specifying resource version is not allowed when using continue", (string?)bad!["message"]);
    }

    [Fact]
    public async Task PagedList_Of5000Objects_ReadsEachStoredObjectOnce_AndANamespaceOnlyItsOwn()
    {
        SeedConfigMaps("default", 5000);
        Cluster.Store.Add(BuiltInResources.Find("namespaces")!, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "small" } });
        SeedConfigMaps("small", 20);

        var before = Cluster.Store.ListedObjects;
        var names = new List<string>();
        var path = "/api/v1/configmaps?limit=100";
        var pages = 0;
        while (true)
        {
            var (_, page) = await Http.SendAsync(HttpMethod.Get, path);
            pages++;
            names.AddRange(page!["items"]!.AsArray().Select(i => $"{i!["metadata"]!["namespace"]}/{i["metadata"]!["name"]}"));
            if ((string?)page["metadata"]!["continue"] is not { Length: > 0 } token)
            {
                break;
            }
            path = "/api/v1/configmaps?limit=100&continue=" + Uri.EscapeDataString(token);
        }
        var everyNamespace = Cluster.Store.ListedObjects - before;
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names.Count, everyNamespace);
        Assert.True(names.Count >= 5020, $"{names.Count} config maps listed");
        Assert.True(pages >= 51, $"{pages} pages");

        before = Cluster.Store.ListedObjects;
        var (_, small) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/small/configmaps?limit=500");
        Assert.Equal(20, small!["items"]!.AsArray().Count);
        Assert.Equal(20, Cluster.Store.ListedObjects - before);
    }

    [Fact]
    public async Task DeleteCollection_Of5000Events_GoesInOnePass_EachWithItsOwnDeletedEvent()
    {
        for (var i = 0; i < 5000; i++)
        {
            Cluster.Store.Add(EventResource, Event($"web.{i:x8}"));
        }
        var (_, list) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events?limit=1");
        await using var watch = await WatchStream.OpenAsync(Http, $"/api/v1/namespaces/default/events?watch=true&resourceVersion={list!["metadata"]!["resourceVersion"]}");

        var timer = Stopwatch.StartNew();
        var (code, deleted) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/events");
        timer.Stop();
        output.WriteLine($"deletecollection of 5000 events: {timer.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(200, code);
        Assert.Equal(5000, deleted!["items"]!.AsArray().Count);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"deletecollection took {timer.Elapsed}");

        var versions = new List<long>();
        for (var i = 0; i < 5000; i++)
        {
            var change = await watch.NextAsync();
            Assert.Equal("DELETED", (string?)change["type"]);
            versions.Add(long.Parse((string)change["object"]!["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture));
        }
        Assert.Equal(5000, versions.Distinct().Count());
        Assert.Equal(versions.Order(), versions);
        var (_, after) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/events");
        Assert.Empty(after!["items"]!.AsArray());
    }

    [Fact]
    public async Task Events_ExpireAnHourOfClusterTimeAfterTheirLastWrite_AndWatchersSeeThemDeleted()
    {
        const string events = "/api/v1/namespaces/default/events";
        var (_, list) = await Http.SendAsync(HttpMethod.Get, events);
        await using var watch = await WatchStream.OpenAsync(Http, $"{events}?watch=true&resourceVersion={list!["metadata"]!["resourceVersion"]}");
        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, events, Event("early"))).Code);
        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, events, Event("renewed"))).Code);
        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("stays"))).Code);

        Cluster.Clock.Advance(TimeSpan.FromMinutes(40));
        var renewed = Event("renewed");
        renewed["count"] = 2;
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Put, events + "/renewed", renewed)).Code);
        Cluster.Clock.Advance(TimeSpan.FromMinutes(21));

        var seen = new List<(string? Type, string? Name)>();
        while (seen.Count < 4)
        {
            var change = await watch.NextAsync();
            seen.Add(((string?)change["type"], (string?)change["object"]!["metadata"]!["name"]));
        }
        Assert.Equal([("ADDED", "early"), ("ADDED", "renewed"), ("MODIFIED", "renewed"), ("DELETED", "early")], seen);
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, events + "/early")).Code);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Get, events + "/renewed")).Code);

        Cluster.Clock.Advance(TimeSpan.FromMinutes(40));
        var last = await watch.NextAsync();
        Assert.Equal(("DELETED", "renewed"), ((string?)last["type"], (string?)last["object"]!["metadata"]!["name"]));
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/stays")).Code);
    }

    private void SeedConfigMaps(string @namespace, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var configMap = FakeClusterHttp.ConfigMap($"cm-{i:D4}");
            configMap["metadata"]!["namespace"] = @namespace;
            Cluster.Store.Add(ConfigMapResource, configMap);
        }
    }

    private static List<string> Names(JsonNode list) =>
        list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToList();

    private static JsonObject Event(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["involvedObject"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = "default", ["name"] = "web" },
        ["reason"] = "Started",
        ["message"] = "Started container web",
        ["type"] = "Normal",
        ["count"] = 1,
    };
}
