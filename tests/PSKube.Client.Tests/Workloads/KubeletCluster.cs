using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>
/// A fake cluster for kubelet and log tests: seeded, with helpers to create pods and move the cluster clock on
/// and run a kubelet pass at once, so every change lands at a known cluster time. The clock all but stands still
/// on its own (a thousandth of real time), so a loaded machine cannot move a pod on between a test's steps.
/// </summary>
internal sealed class KubeletCluster : IAsyncDisposable
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;

    private KubeletCluster(FakeClusterServer server)
    {
        Server = server;
        Http = FakeClusterHttp.Client(server);
    }

    public FakeClusterServer Server { get; }

    public HttpClient Http { get; }

    /// <param name="http2">Off: the cluster speaks HTTP/1.1 only, as behind a proxy that refuses HTTP/2.</param>
    public static async Task<KubeletCluster> StartAsync(bool http2 = true) =>
        new(await FakeClusterServer.StartAsync(new FakeClusterOptions { RandomSeed = 7, TimeScale = 0.001, Http2 = http2 }));

    /// <summary>Creates a pod from its spec and lets the kubelet take it on at once.</summary>
    public async Task<JsonObject> CreatePodAsync(string name, JsonObject spec, JsonObject? metadata = null)
    {
        metadata ??= new JsonObject();
        metadata["name"] = name;
        var pod = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec };
        var (code, body) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.True(code == 201, body?.ToJsonString());
        Server.Controllers.RunOnce();
        return Pod(name)!;
    }

    /// <summary>Moves the cluster clock on and runs a kubelet pass.</summary>
    public void Advance(double seconds)
    {
        Server.Clock.Advance(TimeSpan.FromSeconds(seconds));
        Server.Controllers.RunOnce();
    }

    public JsonObject? Pod(string name) => Server.Store.Get(Pods, "default", name);

    public JsonObject ContainerStatus(string pod, string container, string list = "containerStatuses") =>
        Pod(pod)!["status"]![list]!.AsArray().OfType<JsonObject>().Single(s => (string?)s["name"] == container);

    public string? Condition(string pod, string type) =>
        (string?)Pod(pod)!["status"]!["conditions"]!.AsArray().OfType<JsonObject>().SingleOrDefault(c => (string?)c["type"] == type)?["status"];

    /// <summary>The pod's events as "Type Reason fieldPath: message".</summary>
    public IReadOnlyList<string> EventsOf(string pod) =>
        Server.Store.List(Events, "default", e => (string?)e["involvedObject"]?["name"] == pod)
            .Select(e => e.Object)
            .Select(e => $"{(string?)e["type"]} {(string?)e["reason"]} {(string?)e["involvedObject"]!["fieldPath"]}: {(string?)e["message"]}")
            .ToList();

    /// <summary>
    /// Polls until <paramref name="condition"/> holds (background loops such as the deletion reaper run on real time).
    /// The limit is generous: it only costs time when something is broken, and a loaded machine can be slow.
    /// </summary>
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(20);
        }
    }

    public static JsonObject Container(string name, string image, string[]? command = null, string[]? args = null)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = image };
        if (command is not null)
        {
            container["command"] = new JsonArray(command.Select(c => (JsonNode)c).ToArray());
        }
        if (args is not null)
        {
            container["args"] = new JsonArray(args.Select(a => (JsonNode)a).ToArray());
        }
        return container;
    }

    public static JsonObject Spec(string restartPolicy, params JsonObject[] containers) => new()
    {
        ["restartPolicy"] = restartPolicy,
        ["containers"] = new JsonArray(containers.Select(c => (JsonNode)c).ToArray()),
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
