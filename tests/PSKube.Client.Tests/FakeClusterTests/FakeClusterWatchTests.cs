using System.Text.Json.Nodes;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>Watch on the wire: one JSON event per line, resuming from a resourceVersion, 410, bookmarks, selectors.</summary>
public sealed class FakeClusterWatchTests()
    // Watch semantics alone: no kubelet adds status changes to the events these tests count.
    : FakeClusterHttpTest(new FakeClusterOptions { WatchHistory = 20, BookmarkInterval = TimeSpan.FromMilliseconds(100), SimulateKubelet = false })
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Watch_FromTheListVersion_SeesEveryLaterChangeInOrder()
    {
        await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap("before"));
        var (_, list) = await Http.SendAsync(HttpMethod.Get, ConfigMaps);
        var version = (string?)list!["metadata"]!["resourceVersion"];

        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&resourceVersion={version}");
        var (_, created) = await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap("during"));
        var changed = created!.DeepClone();
        changed["data"]!["key"] = "changed";
        await Http.SendAsync(HttpMethod.Put, ConfigMaps + "/during", changed);
        await Http.SendAsync(HttpMethod.Delete, ConfigMaps + "/during");

        var events = new[] { await watch.NextAsync(), await watch.NextAsync(), await watch.NextAsync() };
        Assert.Equal(["ADDED", "MODIFIED", "DELETED"], events.Select(e => (string?)e["type"]));
        Assert.All(events, e => Assert.Equal("during", (string?)e["object"]!["metadata"]!["name"]));
        Assert.Equal("ConfigMap", (string?)events[0]["object"]!["kind"]);
        var versions = events.Select(e => long.Parse((string)e["object"]!["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Watch_WithoutAVersion_StartsWithTheCurrentObjects()
    {
        await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap("existing"));
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=1");
        var first = await watch.NextAsync();
        Assert.Equal("ADDED", (string?)first["type"]);
        Assert.Equal("existing", (string?)first["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Watch_ResumingFromAForgottenVersion_Gets410Expired()
    {
        var (_, list) = await Http.SendAsync(HttpMethod.Get, ConfigMaps);
        var version = (string?)list!["metadata"]!["resourceVersion"];
        for (var i = 0; i < 25; i++)
        {
            await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap($"flood-{i}"));
        }
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&resourceVersion={version}");
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", (string?)error["type"]);
        Assert.Equal(410, (int)error["object"]!["code"]!);
        Assert.Equal("Expired", (string?)error["object"]!["reason"]);
        Assert.StartsWith("too old resource version", (string?)error["object"]!["message"]);
    }

    [Fact]
    public async Task Watch_SendsBookmarksWhenAsked()
    {
        var (_, list) = await Http.SendAsync(HttpMethod.Get, ConfigMaps);
        var version = (string?)list!["metadata"]!["resourceVersion"];
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&allowWatchBookmarks=true&resourceVersion={version}");
        var bookmark = await watch.NextAsync();
        Assert.Equal("BOOKMARK", (string?)bookmark["type"]);
        Assert.Equal("ConfigMap", (string?)bookmark["object"]!["kind"]);
        Assert.NotNull((string?)bookmark["object"]!["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Watch_EndsAfterTimeoutSeconds()
    {
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&resourceVersion=0&timeoutSeconds=1");
        var started = DateTime.UtcNow;
        Assert.Null(await watch.NextOrEndAsync(TimeSpan.FromSeconds(10)));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Watch_WithASelector_SeesObjectsEnterAndLeaveIt()
    {
        var (_, list) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods");
        var version = (string?)list!["metadata"]!["resourceVersion"];
        await using var watch = await WatchStream.OpenAsync(Http, $"/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dweb&resourceVersion={version}");
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("other", new() { ["app"] = "db" }));
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("mover", new() { ["app"] = "web" }));
        var patch = JsonNode.Parse("""{"metadata":{"labels":{"app":"db"}}}""")!;
        await Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/pods/mover", patch, "application/merge-patch+json");

        var added = await watch.NextAsync();
        var left = await watch.NextAsync();
        Assert.Equal(("ADDED", "mover"), ((string?)added["type"], (string?)added["object"]!["metadata"]!["name"]));
        Assert.Equal(("DELETED", "mover"), ((string?)left["type"], (string?)left["object"]!["metadata"]!["name"]));
    }

    [Fact]
    public async Task Watch_AskedForTables_SendsTableRows()
    {
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&resourceVersion=0",
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        await Http.SendAsync(HttpMethod.Post, ConfigMaps, FakeClusterHttp.ConfigMap("tabled"));
        var added = await watch.NextAsync();
        Assert.Equal("Table", (string?)added["object"]!["kind"]);
        Assert.Equal("tabled", (string?)added["object"]!["rows"]![0]!["cells"]![0]);
    }

    [Fact]
    public async Task Watch_AnIdenticalApplyAfterAnApplyCreate_ChangesNothingAndSendsNoEvent()
    {
        const string path = ConfigMaps + "/applied?fieldManager=pskube";
        var (createdCode, created) = await Http.SendAsync(HttpMethod.Patch, path, FakeClusterHttp.ConfigMap("applied"), "application/apply-patch+yaml");
        Assert.Equal(201, createdCode);
        var version = (string?)created!["metadata"]!["resourceVersion"];
        await using var watch = await WatchStream.OpenAsync(Http, $"{ConfigMaps}?watch=true&resourceVersion={version}");

        var (_, again) = await Http.SendAsync(HttpMethod.Patch, path, FakeClusterHttp.ConfigMap("applied"), "application/apply-patch+yaml");
        var (_, third) = await Http.SendAsync(HttpMethod.Patch, path, FakeClusterHttp.ConfigMap("applied"), "application/apply-patch+yaml");
        Assert.Equal(version, (string?)again!["metadata"]!["resourceVersion"]);
        Assert.Equal(version, (string?)third!["metadata"]!["resourceVersion"]);
        var (_, stored) = await Http.SendAsync(HttpMethod.Get, ConfigMaps + "/applied");
        Assert.False(stored!["metadata"]!.AsObject().ContainsKey("deletionTimestamp"));
        Assert.False(stored["metadata"]!.AsObject().ContainsKey("generation"));

        // The next event the watch sees is the next real change.
        await Http.SendAsync(HttpMethod.Patch, path, FakeClusterHttp.ConfigMap("applied", "changed"), "application/apply-patch+yaml");
        var next = await watch.NextAsync();
        Assert.Equal("MODIFIED", (string?)next["type"]);
        Assert.Equal("changed", (string?)next["object"]!["data"]!["key"]);
    }
}
