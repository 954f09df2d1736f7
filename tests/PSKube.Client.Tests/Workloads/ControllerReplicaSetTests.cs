using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The ReplicaSet and ReplicationController controllers: replica count kept, extras removed, status.</summary>
public sealed class ControllerReplicaSetTests
{
    private const string ReplicaSets = "/apis/apps/v1/namespaces/default/replicasets";

    private const string ReplicaSet = """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"front"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"tier":"front"}},
                 "template":{"metadata":{"labels":{"tier":"front"}},
                             "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"web","image":"nginx"}]}}}}
        """;

    [Fact]
    public async Task KeepsTheReplicaCount_ReplacingADeletedPod()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(ReplicaSets, ReplicaSet);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        Assert.All(cluster.Pods(), p => Assert.StartsWith("front-", (string)p["metadata"]!["name"]!, StringComparison.Ordinal));

        var victim = (string)cluster.Pods()[0]["metadata"]!["name"]!;
        Assert.Equal(200, (await cluster.DeleteAsync($"/api/v1/namespaces/default/pods/{victim}")).Code);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3 && cluster.ActivePods().All(p => (string?)p["metadata"]!["name"] != victim), "a replacement pod");
        await cluster.WaitUntilAsync(() => cluster.Get("pods", victim) is null, "the deleted pod to go");
        Assert.Contains("SuccessfulCreate", cluster.EventReasons("front"));

        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("replicasets", "front")!["status"]?["readyReplicas"] == 3, "three ready replicas");
        var status = cluster.Get("replicasets", "front")!["status"]!;
        Assert.Equal(3, (long?)status["replicas"]);
        Assert.Equal(3, (long?)status["availableReplicas"]);
        Assert.Equal(3, (long?)status["fullyLabeledReplicas"]);
        Assert.Equal(1, (long?)status["observedGeneration"]);
    }

    [Fact]
    public async Task ReplacesAFailedPod()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(ReplicaSets, ReplicaSet);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        var failed = cluster.Pods()[0];
        cluster.MarkFailed(failed);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3 && cluster.Pods().Count == 4, "a pod in place of the failed one");
    }

    [Fact]
    public async Task ScalingDown_DeletesNotReadyPodsFirst()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(ReplicaSets, ReplicaSet);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        var pods = cluster.Pods();
        cluster.MarkReady(pods[0]);
        cluster.MarkReady(pods[2]);
        var notReady = (string)pods[1]["metadata"]!["name"]!;

        Assert.Equal(200, (await cluster.PatchAsync($"{ReplicaSets}/front/scale", """{"spec":{"replicas":2}}""")).Code);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        Assert.DoesNotContain(cluster.ActivePods(), p => (string?)p["metadata"]!["name"] == notReady);
        Assert.Contains("SuccessfulDelete", cluster.EventReasons("front"));
    }

    [Fact]
    public async Task AdoptsAnOrphanPodItsSelectorMatches()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync("/api/v1/namespaces/default/pods", FakeClusterTests.FakeClusterHttp.Pod("stray", new() { ["tier"] = "front" }).ToJsonString());
        await cluster.CreateAsync(ReplicaSets, ReplicaSet);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        await cluster.WaitUntilAsync(() => cluster.Get("pods", "stray")!["metadata"]!["ownerReferences"] is JsonArray { Count: 1 }, "the stray pod adopted");
        Assert.Equal("front", (string?)cluster.Get("pods", "stray")!["metadata"]!["ownerReferences"]![0]!["name"]);
    }

    [Fact]
    public async Task ReplicationController_KeepsItsPodsToo()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync("/api/v1/namespaces/default/replicationcontrollers", """
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"legacy"},
             "spec":{"replicas":2,"selector":{"app":"legacy"},
                     "template":{"metadata":{"labels":{"app":"legacy"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("replicationcontrollers", "legacy")!["status"]?["replicas"] == 2, "status replicas 2");
        Assert.Contains(cluster.List("events"), e => (string?)e["source"]?["component"] == "replication-controller");
    }
}
