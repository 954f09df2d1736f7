using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>Fills a fake cluster's store directly with many running pods, for tests of how the fake scales.</summary>
internal static class ScalePods
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;

    /// <summary>The namespace of the i-th pod of <see cref="Seed"/>.</summary>
    public static string NamespaceOf(int index, int namespaces) => $"scale-{index % namespaces:D2}";

    /// <summary>Stores <paramref name="count"/> running pods spread over <paramref name="namespaces"/> namespaces, in one hold of the store's lock.</summary>
    public static void Seed(FakeClusterServer cluster, int count, int namespaces)
    {
        lock (cluster.Store.Gate)
        {
            SeedUnderLock(cluster, count, namespaces);
        }
    }

    private static void SeedUnderLock(FakeClusterServer cluster, int count, int namespaces)
    {
        var created = cluster.Clock.Now.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        for (var n = 0; n < namespaces; n++)
        {
            cluster.Store.Add(Namespaces, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = NamespaceOf(n, namespaces), ["uid"] = Guid.NewGuid().ToString(), ["creationTimestamp"] = created },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            });
        }
        for (var i = 0; i < count; i++)
        {
            cluster.Store.Add(Pods, RunningPod($"web-{i:D5}", NamespaceOf(i, namespaces), i, created));
        }
    }

    private static JsonObject RunningPod(string name, string @namespace, int index, string created) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = @namespace,
            ["uid"] = Guid.NewGuid().ToString(),
            ["creationTimestamp"] = created,
            ["labels"] = new JsonObject { ["app"] = "web", ["pod-template-hash"] = "5d8f7c9b6" },
        },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = "fake-node-1",
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "nginx",
                ["image"] = "nginx:1.27",
                ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["protocol"] = "TCP" }),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
            }),
            ["restartPolicy"] = "Always",
            ["terminationGracePeriodSeconds"] = 30,
        },
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = $"10.{index / 65536 % 256}.{index / 256 % 256}.{index % 256}",
            ["hostIP"] = "10.0.0.10",
            ["startTime"] = created,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Ready", ["status"] = "True", ["lastTransitionTime"] = created },
                new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = created }),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = "nginx",
                ["image"] = "nginx:1.27",
                ["imageID"] = "docker.io/library/nginx@sha256:0000",
                ["containerID"] = $"containerd://{index:x16}",
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = created } },
            }),
        },
    };
}
