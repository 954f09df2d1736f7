using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Queries;

/// <summary>The events about an object (Get-KubePod x | Get-KubeEvent), oldest first, from the fake cluster's kubelet.</summary>
public sealed class EventsOfTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static T Parse<T>(string json) => KubeJson.Deserialize<T>(json)!;

    private static Event At(string name, string? last = null, string? eventTime = null, string? first = null, string? created = null, string version = "1") =>
        Parse<Event>($$"""
            {"kind":"Event","metadata":{"name":"{{name}}","resourceVersion":"{{version}}"{{(created is null ? "" : $",\"creationTimestamp\":\"{created}\"")}}},
             "lastTimestamp":{{Json(last)}},"eventTime":{{Json(eventTime)}},"firstTimestamp":{{Json(first)}}}
            """);

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";

    [Fact]
    public void EventsOf_AnObjectIsFoundByNameNamespaceUidAndKind_InItsNamespace()
    {
        var pod = Parse<Pod>("""{"kind":"Pod","metadata":{"name":"kuard","namespace":"shop","uid":"u-1"}}""");
        var query = EventsOf.Query(pod);
        Assert.Equal("shop", query.Namespace);
        Assert.Equal("involvedObject.name=kuard,involvedObject.namespace=shop,involvedObject.uid=u-1,involvedObject.kind=Pod", query.Options.FieldSelector);
    }

    [Fact]
    public void EventsOf_AClusterScopedObjectIsLookedForInEveryNamespace()
    {
        var query = EventsOf.Query(Parse<Node>("""{"kind":"Node","metadata":{"name":"fake-node-1"}}"""));
        Assert.Null(query.Namespace);
        Assert.Equal("involvedObject.name=fake-node-1,involvedObject.namespace=,involvedObject.kind=Node", query.Options.FieldSelector);
    }

    [Fact]
    public void EventsOf_AnObjectWithoutANameIsRefused() =>
        Assert.Throws<ArgumentException>(() => EventsOf.Query(new Pod()));

    [Fact]
    public void EventsOf_OldestFirst_ByLastTimestampThenEventTimeFirstTimestampAndCreation_TiesInStoreOrder()
    {
        var ordered = EventsOf.Ordered(
        [
            At("late", last: "2024-05-01T10:00:09Z"),
            At("micro", eventTime: "2024-05-01T10:00:05.123456Z"),
            At("tie-b", last: "2024-05-01T10:00:02Z", version: "12"),
            At("tie-a", last: "2024-05-01T10:00:02Z", version: "9"),
            At("first-only", first: "2024-05-01T10:00:07Z"),
            At("created-only", created: "2024-05-01T10:00:01Z"),
        ]);
        Assert.Equal(["created-only", "tie-a", "tie-b", "micro", "first-only", "late"], ordered.Select(e => e.Name));
    }

    [Fact]
    public async Task EventsOf_APodsEventsFromTheKubelet_ComeInTheOrderTheyHappened()
    {
        await _cluster.CreatePodAsync("kuard", Spec("Always", Container("kuard", "gcr.io/kuar-demo/kuard-amd64:blue")));
        _cluster.Advance(5);
        await _cluster.CreatePodAsync("other", Spec("Always", Container("other", "alpine", command: ["sleep", "3600"])));
        var pod = await _client.GetAsync<Pod>(Pods, "default", "kuard", default);

        var events = await EventsOf.ListAsync(_client, EventsOf.Query(pod), default);
        Assert.Equal(["Scheduled", "Pulling", "Pulled", "Created", "Started"], events.Select(e => e.Reason));
        Assert.All(events, e => Assert.Equal("kuard", e.InvolvedObject!.Name));
    }

    [Fact]
    public async Task EventsOf_Following_GivesTheCurrentEventsThenEachNewOne()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine", args: ["ping", "127.0.0.1"])));
        var pod = await _client.GetAsync<Pod>(Pods, "default", "pingpong", default);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reasons = new List<string?>();
        await using var events = EventsOf.FollowAsync(_client, EventsOf.Query(pod), stop.Token).GetAsyncEnumerator(stop.Token);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await events.MoveNextAsync());
            reasons.Add(events.Current.Reason);
        }
        Assert.Equal(["Scheduled", "Pulling"], reasons);

        _cluster.Advance(5);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await events.MoveNextAsync());
            reasons.Add(events.Current.Reason);
        }
        Assert.Equal(["Scheduled", "Pulling", "Pulled", "Created", "Started"], reasons);
    }

    [Fact]
    public async Task EventsOf_NarrowedByType_GivesOnlyWarnings()
    {
        await _cluster.CreatePodAsync("crash", Spec("Always", Container("crash", "alpine", command: ["false"])));
        _cluster.Advance(10);
        var pod = await _client.GetAsync<Pod>(Pods, "default", "crash", default);
        var query = EventsOf.Query(pod);

        var warnings = await EventsOf.ListAsync(_client, query with { Options = query.Options.Narrowed(null, "type=" + EventType.Warning) }, default);
        Assert.NotEmpty(warnings);
        Assert.All(warnings, e => Assert.Equal(("Warning", "BackOff"), (e.Type, e.Reason)));
    }
}
