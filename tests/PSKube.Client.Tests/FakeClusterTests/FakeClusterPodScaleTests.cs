using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>The fake at scale: 5,000 pods on 50 nodes reach Running, and the control loops then rest.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class FakeClusterPodScaleTests
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    [Fact]
    public async Task FiveThousandPods_OnFiftyNodes_AllRun_ThenTheLoopsRest()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { Nodes = 50, RandomSeed = 7 });
        using var http = FakeClusterHttp.Client(cluster);
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"big"},
             "spec":{"replicas":5000,"selector":{"matchLabels":{"app":"big"}},
                     "template":{"metadata":{"labels":{"app":"big"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """);
        Assert.Equal(201, (await http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment)).Code);

        // Generous: about 20 s on a loaded two-core machine; this only fails when something is badly wrong.
        await FakeClusterNodesTests.WaitForAsync(() => Count(cluster, p => (string?)p["status"]?["phase"] == "Running") == 5000, "5,000 pods Running", seconds: 240);

        var perNode = new Dictionary<string, int>(StringComparer.Ordinal);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        Count(cluster, p =>
        {
            var node = (string)p["spec"]!["nodeName"]!;
            perNode[node] = perNode.GetValueOrDefault(node) + 1;
            addresses.Add((string)p["status"]!["podIP"]!);
            return false;
        });
        Assert.Equal(50, perNode.Count);
        Assert.All(perNode.Values, count => Assert.InRange(count, 1, 110));
        Assert.Equal(5000, addresses.Count);

        var settled = await FakeClusterNodesTests.SettledWorkItemsAsync(cluster);
        var rounds = cluster.Controllers.Rounds;
        await FakeClusterNodesTests.WaitForAsync(() => cluster.Controllers.Rounds >= rounds + 20, "twenty rounds");
        Assert.Equal(settled, cluster.Controllers.WorkItems);
        Assert.Null(cluster.Controllers.LastError);
    }

    /// <summary>Counts pods without copying them out of the store (the filter sees the stored objects and keeps none).</summary>
    private static int Count(FakeClusterServer cluster, Func<JsonObject, bool> predicate)
    {
        var count = 0;
        cluster.Store.List(Pods, null, p =>
        {
            count += predicate(p) ? 1 : 0;
            return false;
        });
        return count;
    }
}
