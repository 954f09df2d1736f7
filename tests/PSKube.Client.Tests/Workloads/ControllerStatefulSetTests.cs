using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The StatefulSet controller: ordinal names, ordered start and stop, status.</summary>
public sealed class ControllerStatefulSetTests
{
    private const string StatefulSets = "/apis/apps/v1/namespaces/default/statefulsets";

    private static string StatefulSet(string policy) => """
        {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
         "spec":{"replicas":3,"serviceName":"db","podManagementPolicy":"POLICY","selector":{"matchLabels":{"app":"db"}},
                 "template":{"metadata":{"labels":{"app":"db"}},
                             "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"db","image":"postgres"}]}}}}
        """.Replace("POLICY", policy, StringComparison.Ordinal);

    private static List<string> Names(ControllerTestCluster cluster) =>
        cluster.ActivePods().Select(p => (string)p["metadata"]!["name"]!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task OrderedReady_StartsEachPodOnlyWhenThePreviousIsReady()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(StatefulSets, StatefulSet("OrderedReady"));
        await cluster.WaitUntilAsync(() => Names(cluster).Count == 1, "db-0");
        await Task.Delay(200);
        Assert.Equal(["db-0"], Names(cluster));

        var first = cluster.Get("pods", "db-0")!;
        Assert.Equal("db-0", (string?)first["spec"]!["hostname"]);
        Assert.Equal("db", (string?)first["spec"]!["subdomain"]);
        Assert.Equal("db-0", (string?)first["metadata"]!["labels"]!["statefulset.kubernetes.io/pod-name"]);
        Assert.Equal("0", (string?)first["metadata"]!["labels"]!["apps.kubernetes.io/pod-index"]);
        Assert.StartsWith("db-", (string?)first["metadata"]!["labels"]!["controller-revision-hash"], StringComparison.Ordinal);

        cluster.MarkReady(first);
        await cluster.WaitUntilAsync(() => Names(cluster).Count == 2, "db-1");
        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => Names(cluster).Count == 3, "db-2");
        cluster.MarkAllReady();
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("statefulsets", "db")!["status"]?["readyReplicas"] == 3, "three ready");
        var status = cluster.Get("statefulsets", "db")!["status"]!;
        Assert.Equal(3, (long?)status["replicas"]);
        Assert.Equal(3, (long?)status["updatedReplicas"]);
        Assert.Equal((string?)status["updateRevision"], (string?)status["currentRevision"]);

        Assert.Equal(200, (await cluster.PatchAsync($"{StatefulSets}/db/scale", """{"spec":{"replicas":1}}""")).Code);
        await cluster.WaitUntilAsync(() => Names(cluster).SequenceEqual(["db-0", "db-1"]), "db-2 to stop first");
        await cluster.WaitUntilAsync(() => Names(cluster).SequenceEqual(["db-0"]), "db-1 to stop next");
        Assert.Contains(cluster.List("events"), e => (string?)e["message"] == "create Pod db-0 in StatefulSet db successful");
    }

    [Fact]
    public async Task Parallel_StartsAllPodsAtOnce()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(StatefulSets, StatefulSet("Parallel"));
        await cluster.WaitUntilAsync(() => Names(cluster).SequenceEqual(["db-0", "db-1", "db-2"]), "three pods");
    }

    [Fact]
    public async Task TemplateChange_ReplacesPodsFromTheHighestOrdinal()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(StatefulSets, StatefulSet("Parallel"));
        await cluster.WaitUntilAsync(() => Names(cluster).Count == 3, "three pods");
        cluster.MarkAllReady();
        await cluster.PatchAsync($"{StatefulSets}/db", """{"spec":{"template":{"metadata":{"labels":{"app":"db","version":"2"}}}}}""");
        // The first pod the update deletes is the highest ordinal (read from the controller's events: the
        // terminating pod itself may already be gone when the test looks).
        static bool IsDelete(JsonObject e) => (string?)e["reason"] == "SuccessfulDelete";
        await cluster.WaitUntilAsync(() => cluster.List("events", IsDelete).Count > 0, "a pod replaced");
        Assert.Equal("delete Pod db-2 in StatefulSet db successful", (string?)cluster.List("events", IsDelete)[0]["message"]);
        await cluster.WaitUntilAsync(() =>
        {
            cluster.MarkAllReady();
            return cluster.ActivePods().Count == 3 && cluster.ActivePods().All(p => (string?)p["metadata"]!["labels"]!["version"] == "2");
        }, "every pod updated");
    }
}
