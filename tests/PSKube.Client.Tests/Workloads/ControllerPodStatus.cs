using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>
/// The kubelet's part in controller tests: pod status written straight into the store (phase, an IP, the Ready
/// condition and a container status), as the kubelet would report it.
/// </summary>
internal static class ControllerPodStatus
{
    private static int s_nextPodIp = 10;

    public static void Set(FakeClusterServer server, JsonObject pod, string phase, bool ready)
    {
        var pods = BuiltInResources.Find("pods")!;
        lock (server.Store.Gate)
        {
            var current = server.Store.Get(pods, (string?)pod["metadata"]!["namespace"], (string)pod["metadata"]!["name"]!);
            if (current is null)
            {
                return;
            }
            var now = server.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var ip = Interlocked.Increment(ref s_nextPodIp);
            current["status"] = new JsonObject
            {
                ["phase"] = phase,
                ["podIP"] = (string?)current["status"]?["podIP"] ?? $"10.244.{ip / 250 % 250}.{ip % 250 + 2}",
                ["conditions"] = new JsonArray(
                    new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = now },
                    new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False", ["lastTransitionTime"] = now }),
                ["containerStatuses"] = new JsonArray(new JsonObject
                {
                    ["name"] = (string?)current["spec"]?["containers"]?[0]?["name"] ?? "main",
                    ["ready"] = ready,
                    ["restartCount"] = 0,
                }),
            };
            server.Store.Replace(pods, current);
        }
    }

    /// <summary>Until cancelled, marks every pod that is not finishing and not ready as Running and Ready.</summary>
    public static async Task KeepReadyAsync(FakeClusterServer server, CancellationToken cancellationToken)
    {
        var pods = BuiltInResources.Find("pods")!;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var (_, pod) in server.Store.List(pods, null, p =>
                             p["metadata"]?["deletionTimestamp"] is null && (string?)p["status"]?["phase"] is not ("Succeeded" or "Failed") &&
                             !ControllerTestCluster.IsReady(p)))
                {
                    Set(server, pod, "Running", ready: true);
                }
                await Task.Delay(50, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is done with it.
        }
    }
}
