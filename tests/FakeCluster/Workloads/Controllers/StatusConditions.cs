using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>Conditions in status.conditions: set by type, keeping lastTransitionTime while the status stays the same.</summary>
internal static class StatusConditions
{
    public static JsonObject? Find(JsonObject status, string type) =>
        (status["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);

    public static bool IsTrue(JsonObject status, string type) => (string?)Find(status, type)?["status"] == "True";

    /// <summary>
    /// Sets a condition. <paramref name="timeFields"/> names the kind's extra time field: "lastUpdateTime"
    /// (Deployment), "lastProbeTime" (Job) or null.
    /// </summary>
    public static void Set(JsonObject status, string type, string value, string reason, string message, DateTimeOffset now, string? timeFields = null)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }
        var time = KubeTime.Format(now);
        var existing = Find(status, type);
        if (existing is not null && (string?)existing["status"] == value && (string?)existing["reason"] == reason && (string?)existing["message"] == message)
        {
            return;
        }
        var transition = existing is not null && (string?)existing["status"] == value ? (string?)existing["lastTransitionTime"] : time;
        var condition = new JsonObject { ["type"] = type, ["status"] = value };
        if (timeFields is not null)
        {
            condition[timeFields] = time;
        }
        condition["lastTransitionTime"] = transition;
        condition["reason"] = reason;
        condition["message"] = message;
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }
}
