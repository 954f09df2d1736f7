using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The fake's nodes and scheduler: several nodes, each with its pod CIDR the pods' IPs come from, capacity and
/// allocatable honoured, pods that fit nowhere Pending with the scheduler's event and condition, nodeSelector and taints.
/// </summary>
public sealed class FakeClusterNodesTests
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Nodes = BuiltInResources.Find("nodes")!;
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;

    [Fact]
    public async Task SeveralNodes_EachHasItsPodCidr_AndPodIpsComeFromIt()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Nodes = 3, RandomSeed = 7, TimeScale = 30 });
        using var http = FakeClusterHttp.Client(cluster);
        var nodes = cluster.Store.List(Nodes, null, _ => true).Select(n => n.Object).ToList();
        Assert.Equal(["fake-node-1", "fake-node-2", "fake-node-3"], nodes.Select(n => (string?)n["metadata"]!["name"]));
        Assert.Equal(["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"], nodes.Select(n => (string?)n["spec"]!["podCIDR"]));
        Assert.All(nodes, n => Assert.Equal((string?)n["spec"]!["podCIDR"], (string?)n["spec"]!["podCIDRs"]![0]));

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", ServingPod($"p{i}"))).Code);
        }
        await WaitForAsync(() => cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Running").Count == 30, "30 pods Running");
        var pods = cluster.Store.List(Pods, "default", _ => true).Select(p => p.Object).ToList();
        Assert.All(pods, pod =>
        {
            var node = nodes.Single(n => (string?)n["metadata"]!["name"] == (string?)pod["spec"]!["nodeName"]);
            Assert.True(InCidr((string)pod["status"]!["podIP"]!, (string)node["spec"]!["podCIDR"]!), $"{pod["status"]!["podIP"]} is outside {node["spec"]!["podCIDR"]}");
            Assert.Equal((string?)pod["status"]!["podIP"], (string?)pod["status"]!["podIPs"]![0]!["ip"]);
            Assert.Equal((string?)node["status"]!["addresses"]![0]!["address"], (string?)pod["status"]!["hostIP"]);
        });
        Assert.Equal(30, pods.Select(p => (string?)p["status"]!["podIP"]).Distinct().Count());
        // Least allocated spreads identical pods evenly.
        Assert.All(pods.GroupBy(p => (string?)p["spec"]!["nodeName"]), group => Assert.Equal(10, group.Count()));
    }

    [Fact]
    public async Task PodIps_AreNotReusedWhileTheirPodsLive_AndComeBackAfter()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { RandomSeed = 7 });
        using var http = FakeClusterHttp.Client(cluster);
        // More pods over time than a /24 has addresses: only live ones hold an address.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", ServingPod($"r{round}-{i}"))).Code);
            }
            cluster.Controllers.RunOnce();
            var live = cluster.Store.List(Pods, "default", _ => true).Select(p => (string?)p.Object["status"]?["podIP"]).ToList();
            Assert.Equal(100, live.Count);
            Assert.All(live, ip => Assert.StartsWith("10.244.0.", ip));
            Assert.Equal(100, live.Distinct().Count());
            Assert.Equal(200, (await http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods", new JsonObject { ["gracePeriodSeconds"] = 0 })).Code);
            cluster.Controllers.RunOnce();
            Assert.Empty(cluster.Store.List(Pods, "default", _ => true));
        }
        Assert.Null(cluster.Controllers.LastError);
    }

    [Fact]
    public async Task Capacity_PodsBeyondTheNodesCpu_StayPending_UntilRoomIsMade()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Nodes = 2, RandomSeed = 7, TimeScale = 30 });
        using var http = FakeClusterHttp.Client(cluster);
        // 4 CPUs a node: two pods of 1500m fit on each, a fifth fits nowhere.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", PodRequesting($"cpu{i}", cpu: "1500m"))).Code);
        }
        cluster.Controllers.RunOnce();
        var pending = Pod(cluster, "cpu4");
        Assert.Null((string?)pending["spec"]!["nodeName"]);
        Assert.Equal("Pending", (string?)pending["status"]!["phase"]);
        const string Message = "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.";
        var condition = pending["status"]!["conditions"]!.AsArray().Single()!;
        Assert.Equal("PodScheduled", (string?)condition["type"]);
        Assert.Equal("False", (string?)condition["status"]);
        Assert.Equal("Unschedulable", (string?)condition["reason"]);
        Assert.Equal(Message, (string?)condition["message"]);
        var failed = EventsAbout(cluster, "cpu4").Single();
        Assert.Equal(("Warning", "FailedScheduling", Message, "default-scheduler"),
            ((string?)failed["type"], (string?)failed["reason"], (string?)failed["message"], (string?)failed["source"]!["component"]));
        await WaitForAsync(() => cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Running").Count == 4, "the four pods that fit to run");
        Assert.Equal("Pending", (string?)Pod(cluster, "cpu4")["status"]!["phase"]);

        // A pod gone makes room: the scheduler tries the pending one again and binds it.
        Assert.Equal(200, (await http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/cpu0", new JsonObject { ["gracePeriodSeconds"] = 0 })).Code);
        await WaitForAsync(() => (string?)Pod(cluster, "cpu4")["status"]?["phase"] == "Running", "the pending pod to run once there is room");
        Assert.Equal("True", (string?)Pod(cluster, "cpu4")["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "PodScheduled")!["status"]);
        Assert.Contains(EventsAbout(cluster, "cpu4"), e => (string?)e["reason"] == "Scheduled");
    }

    [Fact]
    public async Task Capacity_TheNodesPodLimitAndMemory_AreHonoured()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { RandomSeed = 7, SimulateKubelet = false });
        using var http = FakeClusterHttp.Client(cluster);
        for (var i = 0; i < 111; i++)
        {
            Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod($"p{i}"))).Code);
        }
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", PodRequesting("big-memory", memory: "17Gi"))).Code);
        cluster.Controllers.RunOnce();
        Assert.Equal(110, cluster.Store.List(Pods, "default", p => !string.IsNullOrEmpty((string?)p["spec"]?["nodeName"])).Count);
        Assert.Equal(
            "0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
            (string?)Pod(cluster, "p110")["status"]!["conditions"]![0]!["message"]);
        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient memory, 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
            (string?)Pod(cluster, "big-memory")["status"]!["conditions"]![0]!["message"]);
    }

    [Fact]
    public async Task NodeSelectorAndTaints_ChooseTheNode_OrSayWhyNone()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Nodes = 3, RandomSeed = 7, SimulateKubelet = false });
        using var http = FakeClusterHttp.Client(cluster);
        var pinned = FakeClusterHttp.Pod("pinned");
        pinned["spec"]!["nodeSelector"] = new JsonObject { ["kubernetes.io/hostname"] = "fake-node-3" };
        var nowhere = FakeClusterHttp.Pod("nowhere");
        nowhere["spec"]!["nodeSelector"] = new JsonObject { ["disktype"] = "ssd" };
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pinned)).Code);
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", nowhere)).Code);

        var taint = """{"spec":{"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]}}""";
        foreach (var node in new[] { "fake-node-1", "fake-node-2" })
        {
            Assert.Equal(200, (await http.SendAsync(HttpMethod.Patch, $"/api/v1/nodes/{node}", JsonNode.Parse(taint), "application/merge-patch+json")).Code);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod($"plain{i}"))).Code);
        }
        var tolerating = FakeClusterHttp.Pod("tolerating");
        tolerating["spec"]!["tolerations"] = new JsonArray(new JsonObject { ["key"] = "dedicated", ["operator"] = "Equal", ["value"] = "gpu", ["effect"] = "NoSchedule" });
        tolerating["spec"]!["nodeSelector"] = new JsonObject { ["kubernetes.io/hostname"] = "fake-node-2" };
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", tolerating)).Code);
        cluster.Controllers.RunOnce();

        Assert.Equal("fake-node-3", (string?)Pod(cluster, "pinned")["spec"]!["nodeName"]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal("fake-node-3", (string?)Pod(cluster, $"plain{i}")["spec"]!["nodeName"]));
        Assert.Equal("fake-node-2", (string?)Pod(cluster, "tolerating")["spec"]!["nodeName"]);
        // Each node fails on its first filter, as the scheduler runs them: taints before node affinity.
        Assert.Equal(
            "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            (string?)Pod(cluster, "nowhere")["status"]!["conditions"]![0]!["message"]);

        // Labelling a node is a change the scheduler retries on.
        Assert.Equal(200, (await http.SendAsync(HttpMethod.Patch, "/api/v1/nodes/fake-node-3", JsonNode.Parse("""{"metadata":{"labels":{"disktype":"ssd"}}}"""), "application/merge-patch+json")).Code);
        cluster.Controllers.RunOnce();
        Assert.Equal("fake-node-3", (string?)Pod(cluster, "nowhere")["spec"]!["nodeName"]);
    }

    [Fact]
    public async Task AtRest_TheControlLoopsDoNoWork()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Nodes = 3, RandomSeed = 7 });
        using var http = FakeClusterHttp.Client(cluster);
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":60,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """);
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment)).Code);
        var service = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}
            """);
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services", service)).Code);
        var job = JsonNode.Parse("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"once"},
             "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","command":["true"]}]}}}}
            """);
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/apis/batch/v1/namespaces/default/jobs", job)).Code);
        await WaitForAsync(() => cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Running").Count == 60 &&
                                 cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Succeeded").Count == 1, "the pods to settle");

        var settled = await SettledWorkItemsAsync(cluster);
        var byLoop = cluster.Controllers.WorkItemsByLoop;
        // Forty more rounds of the loops at rest: nothing queued, nothing due.
        var rounds = cluster.Controllers.Rounds;
        await WaitForAsync(() => cluster.Controllers.Rounds >= rounds + 40, "forty rounds");
        Assert.True(settled == cluster.Controllers.WorkItems, "work at rest: " + string.Join(", ",
            cluster.Controllers.WorkItemsByLoop.Where(l => l.Value != byLoop.GetValueOrDefault(l.Key)).Select(l => $"{l.Key} {l.Value - byLoop.GetValueOrDefault(l.Key)}")));
        Assert.Null(cluster.Controllers.LastError);

        // A change wakes only what it concerns, then the loops rest again.
        Assert.Equal(200, (await http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/" + (string)cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Running")[0].Object["metadata"]!["name"]!, new JsonObject { ["gracePeriodSeconds"] = 0 })).Code);
        await WaitForAsync(() => cluster.Store.List(Pods, "default", p => (string?)p["status"]?["phase"] == "Running").Count == 60, "the replacement pod");
        var afterChange = await SettledWorkItemsAsync(cluster);
        Assert.InRange(afterChange - settled, 1, 100);
    }

    internal static async Task<long> SettledWorkItemsAsync(FakeClusterServer cluster)
    {
        // Settled: forty whole rounds of the loops in a row without work, over two seconds, past the kubelet's
        // one-second restart decision for a container that just ended (counted in rounds: a busy round can take
        // long on a loaded machine).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var (work, round) = (cluster.Controllers.WorkItems, cluster.Controllers.Rounds);
        while (true)
        {
            await Task.Delay(100);
            var (workNow, roundNow) = (cluster.Controllers.WorkItems, cluster.Controllers.Rounds);
            if (workNow != work)
            {
                (work, round) = (workNow, roundNow);
            }
            else if (roundNow - round >= 40)
            {
                return work;
            }
            Assert.True(DateTime.UtcNow < deadline, "the control loops never came to rest");
        }
    }

    internal static async Task WaitForAsync(Func<bool> condition, string what, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>A pod whose container serves until stopped (nginx), so it stays Running.</summary>
    internal static JsonObject ServingPod(string name)
    {
        var pod = FakeClusterHttp.Pod(name);
        pod["spec"]!["containers"]![0]!["image"] = "nginx";
        return pod;
    }

    private static JsonObject PodRequesting(string name, string? cpu = null, string? memory = null)
    {
        var pod = ServingPod(name);
        var requests = new JsonObject();
        if (cpu is not null)
        {
            requests["cpu"] = cpu;
        }
        if (memory is not null)
        {
            requests["memory"] = memory;
        }
        pod["spec"]!["containers"]![0]!["resources"] = new JsonObject { ["requests"] = requests };
        return pod;
    }

    private static JsonObject Pod(FakeClusterServer cluster, string name) => cluster.Store.Get(Pods, "default", name)!;

    private static List<JsonObject> EventsAbout(FakeClusterServer cluster, string name) =>
        cluster.Store.List(Events, "default", e => (string?)e["involvedObject"]?["name"] == name).Select(e => e.Object).ToList();

    private static bool InCidr(string address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        var prefix = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var ip = IPAddress.Parse(address).GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((network[bit / 8] & mask) != (ip[bit / 8] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
