using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// The maps and lists a Go object of a kind always serializes, even when empty (non-pointer structs,
/// slices without omitempty). The server compares typed objects, so for it these exist before any
/// write: a field set under them is not "new" and their managed-fields entry gets no <c>.</c> of its own.
/// </summary>
internal static class ZeroValueSkeletons
{
    private static readonly Dictionary<string, string> Skeletons = new(StringComparer.Ordinal)
    {
        ["Pod"] = """{"metadata":{},"spec":{"containers":null},"status":{}}""",
        ["PodTemplate"] = """{"metadata":{},"template":{"metadata":{},"spec":{"containers":null}}}""",
        ["Deployment"] = """{"metadata":{},"spec":{"selector":null,"template":{"metadata":{},"spec":{"containers":null}},"strategy":{}},"status":{}}""",
        ["ReplicaSet"] = """{"metadata":{},"spec":{"selector":null,"template":{"metadata":{},"spec":{"containers":null}}},"status":{}}""",
        ["StatefulSet"] = """{"metadata":{},"spec":{"selector":null,"template":{"metadata":{},"spec":{"containers":null}},"updateStrategy":{}},"status":{}}""",
        ["DaemonSet"] = """{"metadata":{},"spec":{"selector":null,"template":{"metadata":{},"spec":{"containers":null}},"updateStrategy":{}},"status":{}}""",
        ["Job"] = """{"metadata":{},"spec":{"template":{"metadata":{},"spec":{"containers":null}}},"status":{}}""",
        ["CronJob"] = """{"metadata":{},"spec":{"jobTemplate":{"metadata":{},"spec":{"template":{"metadata":{},"spec":{"containers":null}}}}},"status":{}}""",
        ["Service"] = """{"metadata":{},"spec":{},"status":{"loadBalancer":{}}}""",
        ["Namespace"] = """{"metadata":{},"spec":{},"status":{}}""",
        ["Node"] = """{"metadata":{},"spec":{},"status":{"daemonEndpoints":{"kubeletEndpoint":{}},"nodeInfo":{}}}""",
        ["PersistentVolumeClaim"] = """{"metadata":{},"spec":{"resources":{}},"status":{}}""",
    };

    /// <summary>A copy of <paramref name="obj"/> (or the empty object) with the kind's always-present parts filled in.</summary>
    public static JsonObject Fill(JsonObject? obj, string? kind)
    {
        var skeleton = kind is not null && Skeletons.TryGetValue(kind, out var text) ? text : """{"metadata":{}}""";
        var result = obj is null ? [] : (JsonObject)obj.DeepClone();
        FillMissing(result, (JsonObject)JsonNode.Parse(skeleton)!);
        return result;
    }

    private static void FillMissing(JsonObject target, JsonObject skeleton)
    {
        foreach (var (name, value) in skeleton)
        {
            if (!target.TryGetPropertyValue(name, out var existing))
            {
                target[name] = value?.DeepClone();
            }
            else if (existing is JsonObject existingObject && value is JsonObject skeletonObject)
            {
                FillMissing(existingObject, skeletonObject);
            }
        }
    }
}
