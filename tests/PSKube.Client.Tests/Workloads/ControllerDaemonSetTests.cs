using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The DaemonSet controller: one pod per eligible node, pinned by node affinity, and its status.</summary>
public sealed class ControllerDaemonSetTests
{
    private const string DaemonSets = "/apis/apps/v1/namespaces/default/daemonsets";

    private static string DaemonSet(string nodeSelector = "") => """
        {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent"},
         "spec":{"selector":{"matchLabels":{"app":"agent"}},
                 "template":{"metadata":{"labels":{"app":"agent"}},
                             "spec":{SELECTOR"containers":[{"name":"agent","image":"fluentd"}]}}}}
        """.Replace("SELECTOR", nodeSelector, StringComparison.Ordinal);

    private static void AddNode(ControllerTestCluster cluster, string name, string role)
    {
        var node = cluster.Server.Store.Get(BuiltInResources.Find("nodes")!, null, "fake-node-1")!;
        node["metadata"]!["name"] = name;
        node["metadata"]!["uid"] = Guid.NewGuid().ToString();
        node["metadata"]!["labels"]!["kubernetes.io/hostname"] = name;
        node["metadata"]!["labels"]!["role"] = role;
        cluster.Server.Store.Add(BuiltInResources.Find("nodes")!, node);
    }

    private static string? PinnedNode(JsonObject pod) =>
        (string?)pod["spec"]?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?[0]?["matchFields"]?[0]?["values"]?[0];

    [Fact]
    public async Task RunsOnePodPerNode_OnEveryNodeThatMatches()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        AddNode(cluster, "fake-node-2", "edge");
        AddNode(cluster, "fake-node-3", "core");
        await cluster.CreateAsync(DaemonSets, DaemonSet());
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        Assert.Equal(["fake-node-1", "fake-node-2", "fake-node-3"], cluster.ActivePods().Select(p => (string)p["spec"]!["nodeName"]!).Order(StringComparer.Ordinal));
        Assert.All(cluster.ActivePods(), p => Assert.Equal((string?)p["spec"]!["nodeName"], PinnedNode(p)));
        Assert.All(cluster.ActivePods(), p => Assert.Contains(p["spec"]!["tolerations"]!.AsArray(), t => (string?)t!["key"] == "node.kubernetes.io/not-ready"));

        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("daemonsets", "agent")!["status"]?["numberReady"] == 3, "three ready");
        var status = cluster.Get("daemonsets", "agent")!["status"]!;
        Assert.Equal(3, (long?)status["desiredNumberScheduled"]);
        Assert.Equal(3, (long?)status["currentNumberScheduled"]);
        Assert.Equal(3, (long?)status["updatedNumberScheduled"]);
        Assert.Equal(3, (long?)status["numberAvailable"]);
        Assert.Equal(0, (long?)status["numberMisscheduled"]);
    }

    [Fact]
    public async Task NodeSelector_LimitsTheNodes()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        AddNode(cluster, "fake-node-2", "edge");
        await cluster.CreateAsync(DaemonSets, DaemonSet("\"nodeSelector\":{\"role\":\"edge\"},"));
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("daemonsets", "agent")!["status"]?["currentNumberScheduled"] == 1, "one pod scheduled");
        Assert.Equal("fake-node-2", (string?)Assert.Single(cluster.ActivePods())["spec"]!["nodeName"]);
        Assert.Equal(1, (long?)cluster.Get("daemonsets", "agent")!["status"]!["desiredNumberScheduled"]);
    }
}
