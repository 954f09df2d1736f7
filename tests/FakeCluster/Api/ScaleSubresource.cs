using System.Text.Json.Nodes;
using PSKube.Client.Selectors;

namespace PSKube.FakeCluster.Api;

/// <summary>The autoscaling/v1 Scale view of a Deployment, ReplicaSet, StatefulSet or ReplicationController.</summary>
public static class ScaleSubresource
{
    public static JsonObject From(JsonObject obj)
    {
        var metadata = obj["metadata"]!;
        var scaleMetadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (metadata[field] is { } value)
            {
                scaleMetadata[field] = value.DeepClone();
            }
        }
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = (long?)obj["spec"]?["replicas"] ?? 0 },
            ["status"] = new JsonObject
            {
                ["replicas"] = (long?)obj["status"]?["replicas"] ?? 0,
                ["selector"] = SelectorText(obj["spec"]?["selector"]),
            },
        };
    }

    // ReplicationControllers have a plain map selector; the apps kinds a LabelSelector.
    private static string SelectorText(JsonNode? selector)
    {
        if (selector is not JsonObject map)
        {
            return "";
        }
        var isLabelSelector = map.ContainsKey("matchLabels") || map.ContainsKey("matchExpressions");
        var matchLabels = (isLabelSelector ? map["matchLabels"] as JsonObject : map)?
            .ToDictionary(p => p.Key, p => (string?)p.Value ?? "");
        var expressions = isLabelSelector
            ? (map["matchExpressions"] as JsonArray)?.OfType<JsonObject>().Select(e => (
                (string)e["key"]!,
                (string)e["operator"]!,
                (IReadOnlyList<string>)((e["values"] as JsonArray)?.Select(v => (string)v!).ToList() ?? [])))
            : null;
        return LabelSelector.FromMatch(matchLabels, expressions).ToString();
    }
}
