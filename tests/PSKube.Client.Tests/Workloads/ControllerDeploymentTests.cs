using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The Deployment controller: ReplicaSets by template hash, rolling updates, Recreate, scale and status.</summary>
public sealed class ControllerDeploymentTests
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";

    private static string Deployment(string name, int replicas, string image = "nginx:1.27", string strategy = """{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}""") => """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","labels":{"app":"NAME"}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},"strategy":STRATEGY,
                 "template":{"metadata":{"labels":{"app":"NAME"}},
                             "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"web","image":"IMAGE"}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("STRATEGY", strategy, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal);

    private static bool Owned(JsonObject obj, JsonObject owner) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.Any(r => (string?)r?["uid"] == (string?)owner["metadata"]!["uid"] && (bool?)r?["controller"] == true) == true;

    [Fact]
    public async Task Create_MakesAReplicaSetNamedByTemplateHash_AndItsPods()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var deployment = await cluster.CreateAsync(Deployments, Deployment("web", 2));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");

        var set = Assert.Single(cluster.List("replicasets"));
        var setName = (string)set["metadata"]!["name"]!;
        var hash = (string)set["metadata"]!["labels"]!["pod-template-hash"]!;
        Assert.Equal($"web-{hash}", setName);
        Assert.InRange(hash.Length, 1, 10);
        Assert.All(hash, c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
        Assert.True(Owned(set, deployment));
        Assert.Equal(true, (bool?)set["metadata"]!["ownerReferences"]![0]!["blockOwnerDeletion"]);
        Assert.Equal("1", (string?)set["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal("2", (string?)set["metadata"]!["annotations"]!["deployment.kubernetes.io/desired-replicas"]);
        Assert.Equal("3", (string?)set["metadata"]!["annotations"]!["deployment.kubernetes.io/max-replicas"]);
        Assert.Equal(hash, (string?)set["spec"]!["selector"]!["matchLabels"]!["pod-template-hash"]);
        Assert.Equal("1", (string?)cluster.Get("deployments", "web")!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);

        foreach (var pod in cluster.ActivePods())
        {
            Assert.Matches($"^{setName}-[bcdfghjklmnpqrstvwxz2456789]{{5}}$", (string)pod["metadata"]!["name"]!);
            Assert.Equal(hash, (string?)pod["metadata"]!["labels"]!["pod-template-hash"]);
            Assert.True(Owned(pod, set));
        }
        Assert.Contains("ScalingReplicaSet", cluster.EventReasons("web"));
        Assert.Contains("SuccessfulCreate", cluster.EventReasons(setName));
    }

    [Fact]
    public async Task Status_ReportsAvailableAndCompleteOnceThePodsAreReady()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Deployments, Deployment("web", 2));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        var status = cluster.Get("deployments", "web")!["status"]!;
        Assert.Equal("MinimumReplicasUnavailable", Condition(status, "Available")?["reason"]?.ToString());

        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("deployments", "web")!["status"]?["availableReplicas"] == 2, "two available replicas");
        status = cluster.Get("deployments", "web")!["status"]!;
        Assert.Equal(2, (long?)status["replicas"]);
        Assert.Equal(2, (long?)status["readyReplicas"]);
        Assert.Equal(2, (long?)status["updatedReplicas"]);
        Assert.Null(status["unavailableReplicas"]);
        Assert.Equal(1, (long?)status["observedGeneration"]);
        Assert.Equal("True", (string?)Condition(status, "Available")?["status"]);
        Assert.Equal("MinimumReplicasAvailable", (string?)Condition(status, "Available")?["reason"]);
        Assert.Equal("NewReplicaSetAvailable", (string?)Condition(status, "Progressing")?["reason"]);
        Assert.Equal("Available", (string?)status["conditions"]![0]!["type"]);
    }

    [Fact]
    public async Task RollingUpdate_HonoursMaxSurgeAndMaxUnavailable()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Deployments, Deployment("web", 4));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 4, "four pods");
        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("deployments", "web")!["status"]?["availableReplicas"] == 4, "four available");

        var (code, _) = await cluster.PatchAsync($"{Deployments}/web", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}""");
        Assert.Equal(200, code);

        var mostPods = 0;
        var fewestReady = int.MaxValue;
        await cluster.WaitUntilAsync(() =>
        {
            var active = cluster.ActivePods();
            mostPods = Math.Max(mostPods, active.Count);
            fewestReady = Math.Min(fewestReady, active.Count(ControllerTestCluster.IsReady));
            cluster.MarkAllReady();
            var sets = cluster.List("replicasets");
            return sets.Count == 2 && sets.Any(s => (long?)s["spec"]?["replicas"] == 0) &&
                   cluster.ActivePods().Count == 4 && cluster.ActivePods().All(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.28") &&
                   (long?)cluster.Get("deployments", "web")!["status"]?["updatedReplicas"] == 4;
        }, "the rollout to finish");

        Assert.True(mostPods <= 5, $"maxSurge 1 allows 5 pods, saw {mostPods}");
        Assert.True(fewestReady >= 4, $"maxUnavailable 0 keeps 4 ready pods, saw {fewestReady}");
        var newSet = cluster.List("replicasets").Single(s => (long?)s["spec"]?["replicas"] == 4);
        Assert.Equal("2", (string?)newSet["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal("2", (string?)cluster.Get("deployments", "web")!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal(2, (long?)cluster.Get("deployments", "web")!["status"]!["observedGeneration"]);
    }

    [Fact]
    public async Task RollingBack_ReusesTheOldReplicaSetWithANewRevision()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Deployments, Deployment("web", 1));
        await cluster.WaitUntilAsync(() => cluster.List("replicasets").Count == 1, "the first ReplicaSet");
        var first = (string)cluster.List("replicasets")[0]["metadata"]!["name"]!;
        await cluster.PatchAsync($"{Deployments}/web", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}""");
        await cluster.WaitUntilAsync(() => cluster.List("replicasets").Count == 2, "a second ReplicaSet");
        await cluster.PatchAsync($"{Deployments}/web", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}""");

        await cluster.WaitUntilAsync(() => (string?)cluster.Get("replicasets", first)!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] == "3", "revision 3 on the first ReplicaSet");
        Assert.Equal(2, cluster.List("replicasets").Count);
    }

    [Fact]
    public async Task Recreate_RemovesEveryOldPodBeforeStartingNewOnes()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Deployments, Deployment("web", 2, strategy: """{"type":"Recreate"}"""));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        cluster.MarkAllReady();
        await cluster.PatchAsync($"{Deployments}/web", """{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}""");

        var overlap = false;
        await cluster.WaitUntilAsync(() =>
        {
            var pods = cluster.Pods();
            overlap |= pods.Any(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.27") &&
                       pods.Any(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.28");
            return pods.Count == 2 && pods.All(p => (string?)p["spec"]!["containers"]![0]!["image"] == "nginx:1.28");
        }, "only new pods");
        Assert.False(overlap, "Recreate must not run old and new pods together");
        Assert.Contains(cluster.List("events"), e => ((string?)e["message"])?.StartsWith("Scaled down replica set web-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Scale_ThroughTheScaleSubresource_ChangesThePodCount()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Deployments, Deployment("web", 1));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 1, "one pod");

        Assert.Equal(200, (await cluster.PatchAsync($"{Deployments}/web/scale", """{"spec":{"replicas":3}}""")).Code);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 3, "three pods");
        Assert.Single(cluster.List("replicasets"));

        Assert.Equal(200, (await cluster.PatchAsync($"{Deployments}/web/scale", """{"spec":{"replicas":1}}""")).Code);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 1, "one pod again");
    }

    private static JsonNode? Condition(JsonNode status, string type) =>
        (status["conditions"] as JsonArray)?.FirstOrDefault(c => (string?)c?["type"] == type);
}
