using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>Pods made from a workload's pod template, owned by the workload.</summary>
internal static class PodTemplates
{
    /// <summary>
    /// A new pod from <paramref name="template"/>: its labels and annotations, plus <paramref name="extraLabels"/>,
    /// the spec as given, and a controller reference to <paramref name="owner"/>.
    /// </summary>
    public static JsonObject NewPod(JsonObject owner, JsonNode? template, string? name, string? generateName, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var labels = template?["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in extraLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }
        var metadata = new JsonObject { ["namespace"] = ObjectFields.Namespace(owner) };
        if (name is not null)
        {
            metadata["name"] = name;
        }
        else
        {
            metadata["generateName"] = generateName;
        }
        metadata["labels"] = labels;
        if (template?["metadata"]?["annotations"] is JsonObject { Count: > 0 } annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }
        metadata["ownerReferences"] = new JsonArray(ObjectFields.OwnerReference(owner));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template?["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>The pods in the owner's namespace it controls, adopting orphans its selector matches as a controller does.</summary>
    public static List<JsonObject> OwnedPods(ControllerClient client, JsonObject owner, Func<JsonObject, bool>? alsoRequired = null)
    {
        var selector = ObjectFields.Selector(owner["spec"]?["selector"]);
        var owned = new List<JsonObject>();
        // Only the owner's pods and orphans are copied out of the store: a namespace may hold thousands of others.
        foreach (var pod in client.List("pods", ObjectFields.Namespace(owner), p => ObjectFields.IsControlledBy(p, owner) || ObjectFields.ControllerReference(p) is null))
        {
            if (ObjectFields.IsControlledBy(pod, owner))
            {
                owned.Add(pod);
                continue;
            }
            if (ObjectFields.ControllerReference(pod) is null && !ObjectFields.IsDeleting(pod) && !ObjectFields.IsDeleting(owner) &&
                selector is not null && selector.Matches(ObjectFields.Labels(pod)) && (alsoRequired is null || alsoRequired(pod)))
            {
                if (pod["metadata"]!["ownerReferences"] is JsonArray references)
                {
                    references.Add(ObjectFields.OwnerReference(owner));
                }
                else
                {
                    pod["metadata"]!["ownerReferences"] = new JsonArray(ObjectFields.OwnerReference(owner));
                }
                owned.Add(client.Update("pods", pod));
            }
        }
        return owned;
    }
}
