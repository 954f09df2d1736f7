using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Streaming;

/// <summary>Pods for the streaming tests, created through the API and marked running in the store as a kubelet would.</summary>
internal static class StreamingPods
{
    private static readonly ResourceDefinition Pods = BuiltInResources.All.First(r => r.Kind == "Pod");

    public static JsonObject Container(string name, string image = "busybox", params int[] ports)
    {
        var container = new JsonObject { ["name"] = name, ["image"] = image };
        if (ports.Length > 0)
        {
            container["ports"] = new JsonArray([.. ports.Select(p => (JsonNode)new JsonObject { ["containerPort"] = p })]);
        }
        return container;
    }

    /// <summary>Creates the pod and reports all its containers running.</summary>
    public static async Task CreateRunningAsync(FakeClusterServer cluster, string name, params JsonObject[] containers)
    {
        var pod = FakeClusterHttp.Pod(name);
        pod["spec"]!["containers"] = new JsonArray([.. containers]);
        using var http = FakeClusterHttp.Client(cluster);
        var (code, body) = await http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.True(code == 201, body?.ToJsonString());
        SetRunning(cluster, name, containers.Select(c => (string)c["name"]!).ToArray());
    }

    /// <summary>Writes the pod's status: the named containers running, the others terminated.</summary>
    public static void SetRunning(FakeClusterServer cluster, string podName, params string[] running)
    {
        lock (cluster.Store.Gate)
        {
            var pod = cluster.Store.Get(Pods, "default", podName)!;
            var statuses = new JsonArray();
            foreach (var container in pod["spec"]!["containers"]!.AsArray())
            {
                var name = (string)container!["name"]!;
                var state = running.Contains(name)
                    ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2025-01-01T00:00:00Z" } }
                    : new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 0, ["reason"] = "Completed" } };
                statuses.Add(new JsonObject { ["name"] = name, ["image"] = (string?)container["image"], ["ready"] = running.Contains(name), ["restartCount"] = 0, ["state"] = state });
            }
            var status = pod["status"]!.AsObject();
            status["phase"] = running.Length > 0 ? "Running" : "Succeeded";
            status["containerStatuses"] = statuses;
            cluster.Store.Replace(Pods, pod);
        }
    }
}
