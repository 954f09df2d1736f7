using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>Garbage collection by ownerReferences with the three propagation policies of DELETE.</summary>
public sealed class ControllerGarbageCollectorTests
{
    private const string ReplicaSets = "/apis/apps/v1/namespaces/default/replicasets";

    private const string ReplicaSet = """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"owner"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"owned"}},
                 "template":{"metadata":{"labels":{"app":"owned"}},
                             "spec":{"terminationGracePeriodSeconds":3,"containers":[{"name":"c","image":"nginx"}]}}}}
        """;

    private static async Task<ControllerTestCluster> StartWithPodsAsync()
    {
        var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(ReplicaSets, ReplicaSet);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        return cluster;
    }

    [Fact]
    public async Task Background_DeletesTheOwnerAtOnce_AndItsDependentsAfter()
    {
        await using var cluster = await StartWithPodsAsync();
        Assert.Equal(200, (await cluster.DeleteAsync($"{ReplicaSets}/owner", "Background")).Code);
        Assert.Null(cluster.Get("replicasets", "owner"));
        await cluster.WaitUntilAsync(() => cluster.Pods().Count == 0, "the pods to go");
    }

    [Fact]
    public async Task Foreground_KeepsTheOwnerUntilItsDependentsAreGone()
    {
        await using var cluster = await StartWithPodsAsync();
        var (code, body) = await cluster.DeleteAsync($"{ReplicaSets}/owner", "Foreground");
        Assert.Equal(202, code);
        Assert.Contains("foregroundDeletion", body!["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        Assert.NotNull(body["metadata"]!["deletionTimestamp"]);

        await cluster.WaitUntilAsync(() => cluster.Pods().All(p => p["metadata"]!["deletionTimestamp"] is not null), "the pods to terminate");
        Assert.NotNull(cluster.Get("replicasets", "owner"));
        await cluster.WaitUntilAsync(() => cluster.Get("replicasets", "owner") is null, "the owner to go");
        Assert.Empty(cluster.Pods());
    }

    [Fact]
    public async Task Orphan_LeavesTheDependentsWithoutTheReference()
    {
        await using var cluster = await StartWithPodsAsync();
        var (code, body) = await cluster.DeleteAsync($"{ReplicaSets}/owner", "Orphan");
        Assert.Equal(202, code);
        Assert.Contains("orphan", body!["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));

        await cluster.WaitUntilAsync(() => cluster.Get("replicasets", "owner") is null, "the owner to go");
        await Task.Delay(200);
        var pods = cluster.ActivePods();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Null(p["metadata"]!["ownerReferences"]));
    }

    [Fact]
    public async Task DanglingReferences_AreDropped_WhileAnotherOwnerRemains()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var owner = await cluster.CreateAsync("/api/v1/namespaces/default/configmaps", FakeClusterTests.FakeClusterHttp.ConfigMap("owner").ToJsonString());
        var dependent = FakeClusterTests.FakeClusterHttp.ConfigMap("dependent");
        dependent["metadata"]!["ownerReferences"] = new JsonArray(
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "owner", ["uid"] = (string?)owner["metadata"]!["uid"] },
            new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = "gone", ["uid"] = "00000000-0000-0000-0000-00000000dead" });
        await cluster.CreateAsync("/api/v1/namespaces/default/configmaps", dependent.ToJsonString());

        await cluster.WaitUntilAsync(() => cluster.Get("configmaps", "dependent")!["metadata"]!["ownerReferences"] is JsonArray { Count: 1 }, "the dangling reference dropped");
        Assert.Equal(200, (await cluster.DeleteAsync("/api/v1/namespaces/default/configmaps/owner")).Code);
        await cluster.WaitUntilAsync(() => cluster.Get("configmaps", "dependent") is null, "the dependent to go with its last owner");
    }

    [Fact]
    public async Task DeletingAJobWithoutAPolicy_OrphansItsPods_AsBatchV1Does()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync("/apis/batch/v1/namespaces/default/jobs", """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"kept"},
             "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox"}]}}}}
            """);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 1, "the Job's pod");

        Assert.Equal(202, (await cluster.DeleteAsync("/apis/batch/v1/namespaces/default/jobs/kept")).Code);
        await cluster.WaitUntilAsync(() => cluster.Get("jobs", "kept") is null, "the Job to go");
        await cluster.WaitUntilAsync(() => cluster.Pods().Single()["metadata"]!["finalizers"] is null, "the tracking finalizer released");
        var pod = Assert.Single(cluster.ActivePods());
        Assert.Null(pod["metadata"]!["ownerReferences"]);
    }
}
