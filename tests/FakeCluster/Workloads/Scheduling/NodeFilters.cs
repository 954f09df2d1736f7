using System.Text.Json.Nodes;
using PSKube.Client.Selectors;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Workloads.Scheduling;

/// <summary>The scheduler's node filters that look at labels and taints: nodeSelector, required node affinity, taints and tolerations.</summary>
internal static class NodeFilters
{
    /// <summary>Whether a pod with this spec may go to the node: nodeSelector, required node affinity, taints.</summary>
    public static bool RunsOn(JsonNode? podSpec, JsonObject node) =>
        MatchesNodeSelector(podSpec, node) && UntoleratedTaint(podSpec, node) is null;

    /// <summary>The pod's nodeSelector and required node affinity (any term) match the node.</summary>
    public static bool MatchesNodeSelector(JsonNode? podSpec, JsonObject node)
    {
        if (podSpec?["nodeSelector"] is null && podSpec?["affinity"]?["nodeAffinity"] is null)
        {
            return true;
        }
        var labels = ObjectFields.Labels(node);
        if (!ObjectFields.StringMap(podSpec?["nodeSelector"]).All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value))
        {
            return false;
        }
        return podSpec?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"] is not JsonArray { Count: > 0 } terms ||
               terms.OfType<JsonObject>().Any(term => TermMatches(term, node, labels));
    }

    /// <summary>The first NoSchedule or NoExecute taint of the node the pod does not tolerate, if any.</summary>
    public static JsonObject? UntoleratedTaint(JsonNode? podSpec, JsonObject node)
    {
        if (node["spec"]?["taints"] is not JsonArray { Count: > 0 })
        {
            return null;
        }
        var tolerations = (podSpec?["tolerations"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        return (node["spec"]?["taints"] as JsonArray)?.OfType<JsonObject>()
            .Where(t => (string?)t["effect"] is "NoSchedule" or "NoExecute")
            .FirstOrDefault(taint => !tolerations.Any(t => Tolerates(t, taint)));
    }

    private static bool TermMatches(JsonObject term, JsonObject node, Dictionary<string, string> labels)
    {
        var expressions = (term["matchExpressions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var fields = (term["matchFields"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        try
        {
            return expressions.All(e => Requirement(e).Matches(labels)) &&
                   fields.All(f => Requirement(f).Matches(new Dictionary<string, string> { ["metadata.name"] = ObjectFields.Name(node) }));
        }
        catch (LabelSelectorException)
        {
            // A malformed term matches no node, as the scheduler treats it.
            return false;
        }
    }

    private static LabelSelector Requirement(JsonObject expression)
    {
        var op = (string?)expression["operator"] ?? "";
        var values = (expression["values"] as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? [];
        // Gt and Lt are node-selector-only operators; the label selector has them as > and <.
        return op is "Gt" or "Lt"
            ? LabelSelector.Parse($"{(string?)expression["key"]}{(op == "Gt" ? ">" : "<")}{values.FirstOrDefault()}")
            : LabelSelector.FromMatch(null, [((string?)expression["key"] ?? "", op, values)]);
    }

    private static bool Tolerates(JsonObject toleration, JsonObject taint)
    {
        if ((string?)toleration["effect"] is { Length: > 0 } effect && effect != (string?)taint["effect"])
        {
            return false;
        }
        var key = (string?)toleration["key"];
        if ((string?)toleration["operator"] == "Exists")
        {
            return string.IsNullOrEmpty(key) || key == (string?)taint["key"];
        }
        return key == (string?)taint["key"] && ((string?)toleration["value"] ?? "") == ((string?)taint["value"] ?? "");
    }
}
