using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// Limit ranges on the fake as on an API server: a Container item's defaults filled in from max and min, and the
/// LimitRanger admission plugin giving new pods the defaults and refusing those out of bounds with 403 Forbidden.
/// </summary>
public sealed class FakeClusterLimitRangeTests : FakeClusterHttpTest
{
    private const string Pods = "/api/v1/namespaces/default/pods";

    [Fact]
    public async Task ContainerItem_DefaultLimitIsMax_DefaultRequestIsDefaultElseMin()
    {
        var created = await CreateLimitRangeAsync("""
            [{"type": "Container", "max": {"cpu": 2, "memory": "1Gi"}, "default": {"memory": "512Mi"}, "min": {"cpu": "100m", "ephemeral-storage": "1Gi"}},
             {"type": "Pod", "max": {"cpu": "4"}}]
            """);

        var container = created["spec"]!["limits"]![0]!;
        Assert.Equal("""{"cpu":"2","memory":"512Mi"}""", container["default"]!.ToJsonString());
        Assert.Equal("""{"cpu":"2","ephemeral-storage":"1Gi","memory":"512Mi"}""", container["defaultRequest"]!.ToJsonString());
        Assert.Equal("""{"type":"Pod","max":{"cpu":"4"}}""", created["spec"]!["limits"]![1]!.ToJsonString());
    }

    [Fact]
    public async Task NewPod_GetsTheDefaultsItLacks_NotedInAnAnnotation_WithItsQosClass()
    {
        await CreateLimitRangeAsync("""[{"type": "Container", "default": {"cpu": "500m", "memory": "256Mi"}, "defaultRequest": {"cpu": "100m"}}]""");
        var pod = FakeClusterHttp.Pod("web");
        pod["spec"]!["containers"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "sidecar",
            ["image"] = "busybox",
            ["resources"] = new JsonObject { ["limits"] = new JsonObject { ["cpu"] = "200m" } },
        });

        var (code, created) = await Http.SendAsync(HttpMethod.Post, Pods, pod);

        Assert.Equal(201, code);
        Assert.Equal("""{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}""", created!["spec"]!["containers"]![0]!["resources"]!.ToJsonString());
        // A limit without a request is the request too (pod defaults), before the limit range's defaults apply.
        Assert.Equal("""{"limits":{"cpu":"200m","memory":"256Mi"},"requests":{"cpu":"200m","memory":"256Mi"}}""", created["spec"]!["containers"]![1]!["resources"]!.ToJsonString());
        Assert.Equal(
            "LimitRanger plugin set: cpu, memory request for container main; cpu, memory limit for container main; memory request for container sidecar; memory limit for container sidecar",
            (string?)created["metadata"]!["annotations"]!["kubernetes.io/limit-ranger"]);
        Assert.Equal("Burstable", (string?)created["status"]!["qosClass"]);
    }

    [Theory]
    [InlineData("""{"limits": {"cpu": "2"}}""", "maximum cpu usage per Container is 1, but limit is 2")]
    [InlineData("""{"requests": {"cpu": "50m"}, "limits": {"cpu": "100m"}}""", "minimum cpu usage per Container is 100m, but request is 50m")]
    [InlineData("""{"requests": {"cpu": "100m"}, "limits": {"cpu": "1"}}""", "cpu max limit to request ratio per Container is 4, but provided ratio is 10.000000")]
    [InlineData("""{"requests": {"cpu": "1100m", "memory": "64Mi"}, "limits": {"cpu": "1100m", "memory": "2Gi"}}""",
        "[maximum cpu usage per Container is 1, but limit is 1100m, maximum memory usage per Container is 1Gi, but limit is 2Gi]")]
    public async Task PodOutOfBounds_IsForbidden_WithEveryProblem(string resources, string problem)
    {
        // The max is also the default limit, and that the default request: a container gets 1Gi of memory.
        await CreateLimitRangeAsync("""[{"type": "Container", "min": {"cpu": "100m"}, "max": {"cpu": "1", "memory": "1Gi"}, "default": {"cpu": "500m"}, "defaultRequest": {"cpu": "200m"}, "maxLimitRequestRatio": {"cpu": "4"}}]""");
        var pod = FakeClusterHttp.Pod("greedy");
        pod["spec"]!["containers"]![0]!["resources"] = JsonNode.Parse(resources);

        var (code, status) = await Http.SendAsync(HttpMethod.Post, Pods, pod);

        Assert.Equal(403, code);
        Assert.Equal("Forbidden", (string?)status!["reason"]);
        Assert.Equal($"pods \"greedy\" is forbidden: {problem}", (string?)status["message"]);
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, Pods + "/greedy")).Code);
    }

    [Fact]
    public async Task PodItem_BoundsTheSumOfTheContainers()
    {
        await CreateLimitRangeAsync("""[{"type": "Pod", "max": {"memory": "1536Mi"}}]""");
        var (unbounded, refusal) = await Http.SendAsync(HttpMethod.Post, Pods, FakeClusterHttp.Pod("unbounded"));
        Assert.Equal(403, unbounded);
        Assert.Equal("pods \"unbounded\" is forbidden: maximum memory usage per Pod is 1536Mi.  No limit is specified", (string?)refusal!["message"]);

        var pod = FakeClusterHttp.Pod("pair");
        var containers = pod["spec"]!["containers"]!.AsArray();
        containers[0]!["resources"] = JsonNode.Parse("""{"limits": {"memory": "1Gi"}}""");
        containers.Add(JsonNode.Parse("""{"name": "second", "image": "busybox", "resources": {"limits": {"memory": "1Gi"}}}"""));

        var (code, status) = await Http.SendAsync(HttpMethod.Post, Pods, pod);

        Assert.Equal(403, code);
        Assert.Equal("pods \"pair\" is forbidden: maximum memory usage per Pod is 1536Mi, but limit is 2Gi", (string?)status!["message"]);

        // A limit that is no quantity counts as none; it is not a server error.
        containers.RemoveAt(1);
        containers[0]!["resources"] = JsonNode.Parse("""{"limits": {"memory": "lots"}}""");
        var (unreadable, _) = await Http.SendAsync(HttpMethod.Post, Pods, pod);
        Assert.Equal(403, unreadable);
    }

    [Fact]
    public async Task Client_CreatingAPodOutOfBounds_GetsTheForbiddenError()
    {
        await CreateLimitRangeAsync("""[{"type": "Container", "max": {"cpu": "1"}}]""");
        var client = FakeClusterClient.For(Cluster);
        var pod = KubeJson.Deserialize<Pod>("""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "big", "namespace": "default"},
             "spec": {"containers": [{"name": "main", "image": "busybox", "resources": {"limits": {"cpu": "2"}}}]}}
            """)!;

        var refused = await Assert.ThrowsAsync<KubeApiException>(() => client.CreateAsync(BuiltInResources.Find("pods")!, pod, null, default));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2", refused.Message, StringComparison.Ordinal);
        var defaulted = await client.CreateAsync(BuiltInResources.Find("pods")!, KubeJson.Deserialize<Pod>("""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "plain", "namespace": "default"}, "spec": {"containers": [{"name": "main", "image": "busybox"}]}}
            """)!, null, default);
        Assert.Equal(("1", "1"), (defaulted.Spec!.Containers![0].Resources!.Limits!["cpu"], defaulted.Spec.Containers[0].Resources!.Requests!["cpu"]));
    }

    private async Task<JsonNode> CreateLimitRangeAsync(string limits)
    {
        var (code, created) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/limitranges", JsonNode.Parse($$"""
            {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "bounds"}, "spec": {"limits": {{limits}} } }
            """));
        Assert.Equal(201, code);
        return created!;
    }
}
