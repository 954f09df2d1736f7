using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// What the API server allows in an update of a pod's spec: only the containers' and init containers' images,
/// activeDeadlineSeconds and additions to tolerations; containers cannot be added or removed. Anything else is
/// 422 Invalid with a Forbidden cause on <c>spec</c> listing the updatable fields, as ValidatePodUpdate answers.
/// The API server follows that list with a go-cmp dump of the two specs; here each changed field is one line.
/// </summary>
public static class PodUpdateValidation
{
    private const string UpdatableFields =
        "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`," +
        "`spec.tolerations` (only additions to existing tolerations)," +
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    /// <summary>Throws the API server's Invalid status when <paramref name="updated"/> changes what a pod cannot change.</summary>
    public static void Check(JsonObject existing, JsonObject updated)
    {
        var name = (string?)existing["metadata"]?["name"] ?? "";
        var oldSpec = existing["spec"] as JsonObject ?? new JsonObject();
        // The server defaults an update before it validates it (a PUT may leave defaulted fields out).
        var defaulted = updated.DeepClone().AsObject();
        ObjectDefaults.Apply("Pod", defaulted);
        var newSpec = defaulted["spec"] as JsonObject ?? new JsonObject();
        foreach (var list in new[] { "containers", "initContainers" })
        {
            var oldContainers = oldSpec[list] as JsonArray ?? [];
            var newContainers = newSpec[list] as JsonArray ?? [];
            if (oldContainers.Count != newContainers.Count)
            {
                throw StatusError.Invalid("Pod", "", name, [($"spec.{list}", "FieldValueForbidden", "Forbidden: pod updates may not add or remove containers")]);
            }
            // The images may change: compare the rest.
            for (var i = 0; i < newContainers.Count; i++)
            {
                if (newContainers[i] is JsonObject container)
                {
                    container["image"] = oldContainers[i]?["image"]?.DeepClone();
                }
            }
        }
        newSpec["activeDeadlineSeconds"] = oldSpec["activeDeadlineSeconds"]?.DeepClone();
        if (Additions(oldSpec["tolerations"], newSpec["tolerations"]))
        {
            newSpec["tolerations"] = oldSpec["tolerations"]?.DeepClone();
        }
        var changes = new List<string>();
        Compare("spec", oldSpec, WithoutNulls(newSpec), changes);
        if (changes.Count > 0)
        {
            throw StatusError.Invalid("Pod", "", name,
                [("spec", "FieldValueForbidden", $"Forbidden: pod updates may not change fields other than {UpdatableFields}\n{string.Join("\n", changes)}")]);
        }
    }

    // Tolerations may only grow: the old ones must all still be there.
    private static bool Additions(JsonNode? old, JsonNode? now)
    {
        var before = old as JsonArray ?? [];
        var after = now as JsonArray ?? [];
        return before.All(toleration => after.Any(candidate => JsonNode.DeepEquals(toleration, candidate)));
    }

    private static JsonObject WithoutNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            obj.Remove(key);
        }
        return obj;
    }

    private static void Compare(string path, JsonNode? old, JsonNode? now, List<string> changes)
    {
        if (old is JsonObject oldObject && now is JsonObject newObject)
        {
            foreach (var key in oldObject.Select(p => p.Key).Union(newObject.Select(p => p.Key)))
            {
                Compare($"{path}.{key}", oldObject[key], newObject[key], changes);
            }
            return;
        }
        if (old is JsonArray oldArray && now is JsonArray newArray && oldArray.Count == newArray.Count)
        {
            for (var i = 0; i < oldArray.Count; i++)
            {
                Compare($"{path}[{i}]", oldArray[i], newArray[i], changes);
            }
            return;
        }
        if (!JsonNode.DeepEquals(old, now))
        {
            changes.Add($"  {path}: {old?.ToJsonString() ?? "<unset>"} -> {now?.ToJsonString() ?? "<unset>"}");
        }
    }
}
