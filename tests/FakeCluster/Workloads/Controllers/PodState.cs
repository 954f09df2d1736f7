using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>What controllers read from a pod's status, as the kubelet reports it.</summary>
internal static class PodState
{
    public static string Phase(JsonObject pod) => (string?)pod["status"]?["phase"] ?? "Pending";

    public static bool IsSucceeded(JsonObject pod) => Phase(pod) == "Succeeded";

    public static bool IsFailed(JsonObject pod) => Phase(pod) == "Failed";

    public static bool IsTerminal(JsonObject pod) => IsSucceeded(pod) || IsFailed(pod);

    /// <summary>Counted by a ReplicaSet: neither finished nor on its way out.</summary>
    public static bool IsActive(JsonObject pod) => !IsTerminal(pod) && !ObjectFields.IsDeleting(pod);

    public static JsonObject? Condition(JsonObject pod, string type) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);

    public static bool IsReady(JsonObject pod) => (string?)Condition(pod, "Ready")?["status"] == "True";

    /// <summary>Ready for at least minReadySeconds (by the Ready condition's lastTransitionTime).</summary>
    public static bool IsAvailable(JsonObject pod, long minReadySeconds, DateTimeOffset now)
    {
        if (!IsReady(pod))
        {
            return false;
        }
        if (minReadySeconds <= 0)
        {
            return true;
        }
        var since = KubeTime.Parse((string?)Condition(pod, "Ready")?["lastTransitionTime"]);
        return since is { } readySince && readySince.AddSeconds(minReadySeconds) <= now;
    }

    public static long Restarts(JsonObject pod) =>
        (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().Sum(c => ObjectFields.Long(c["restartCount"])) ?? 0;
}
