using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>
/// A fake cluster on a fast clock for controller tests, with an HTTP client and the kubelet's part played by the
/// test: pods are marked Running and Ready, Succeeded or Failed by writing their status in the store.
/// </summary>
internal sealed class ControllerTestCluster : IAsyncDisposable
{
    private ControllerTestCluster(FakeClusterServer server)
    {
        Server = server;
        Http = FakeClusterHttp.Client(server);
    }

    public FakeClusterServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<ControllerTestCluster> StartAsync(double timeScale = 30) =>
        new(await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = timeScale, RandomSeed = 7, SimulateKubelet = false }));

    public async Task<JsonObject> CreateAsync(string collectionPath, string json)
    {
        var (code, body) = await Http.SendAsync(HttpMethod.Post, collectionPath, JsonNode.Parse(json));
        Assert.True(code == 201, $"POST {collectionPath} answered {code}: {body?.ToJsonString()}");
        return body!.AsObject();
    }

    public async Task<(int Code, JsonNode? Body)> PatchAsync(string path, string mergePatch) =>
        await Http.SendAsync(HttpMethod.Patch, path, JsonNode.Parse(mergePatch), "application/merge-patch+json");

    public async Task<(int Code, JsonNode? Body)> DeleteAsync(string path, string? propagationPolicy = null) =>
        await Http.SendAsync(HttpMethod.Delete, path, propagationPolicy is null ? null : new JsonObject { ["propagationPolicy"] = propagationPolicy });

    public JsonObject? Get(string plural, string name, string? @namespace = "default") =>
        Server.Store.Get(BuiltInResources.Find(plural)!, @namespace, name);

    public List<JsonObject> List(string plural, Func<JsonObject, bool>? filter = null, string? @namespace = "default") =>
        Server.Store.List(BuiltInResources.Find(plural)!, @namespace, filter ?? (_ => true)).Select(i => i.Object).ToList();

    public List<JsonObject> Pods(Func<JsonObject, bool>? filter = null) => List("pods", filter);

    /// <summary>Pods not terminating and not finished, as controllers count them.</summary>
    public List<JsonObject> ActivePods(Func<JsonObject, bool>? filter = null) =>
        Pods(p => p["metadata"]?["deletionTimestamp"] is null && (string?)p["status"]?["phase"] is not ("Succeeded" or "Failed") && (filter is null || filter(p)));

    public List<string> EventReasons(string involvedName) =>
        List("events", e => (string?)e["involvedObject"]?["name"] == involvedName).Select(e => (string)e["reason"]!).ToList();

    /// <summary>Polls the store until <paramref name="condition"/> holds; fails the test after <paramref name="seconds"/> of real time.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            lock (Server.Store.Gate)
            {
                if (condition())
                {
                    return;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>What the kubelet reports for a running pod whose containers are ready.</summary>
    public void MarkReady(JsonObject pod) => SetStatus(pod, "Running", ready: true);

    public void MarkRunning(JsonObject pod) => SetStatus(pod, "Running", ready: false);

    public void MarkSucceeded(JsonObject pod) => SetStatus(pod, "Succeeded", ready: false);

    public void MarkFailed(JsonObject pod) => SetStatus(pod, "Failed", ready: false);

    public void MarkAllReady(Func<JsonObject, bool>? filter = null)
    {
        lock (Server.Store.Gate)
        {
            foreach (var pod in ActivePods(filter).Where(p => !IsReady(p)))
            {
                MarkReady(pod);
            }
        }
    }

    public static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True") == true;

    private void SetStatus(JsonObject pod, string phase, bool ready) => ControllerPodStatus.Set(Server, pod, phase, ready);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
