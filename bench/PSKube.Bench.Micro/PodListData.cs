using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.Bench.Micro;

/// <summary>
/// A pod list response of any size made from one pod recorded from the fake cluster (Data/pod.json, a deployment's
/// running pod as the list API returns it, managed fields included), each copy with its own name, uid and age.
/// </summary>
public static class PodListData
{
    public static byte[] Create(int pods)
    {
        var pod = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "pod.json")))!;
        var items = new JsonArray();
        for (var i = 0; i < pods; i++)
        {
            var copy = pod.DeepClone();
            var metadata = copy["metadata"]!;
            metadata["name"] = $"web-7dd4c748c7-{i:x5}";
            metadata["namespace"] = $"team-{i % 10}";
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["resourceVersion"] = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Ages from seconds to weeks, so AGE is formatted in each of its units.
            metadata["creationTimestamp"] = DateTime.UtcNow.AddSeconds(-37.0 * i * i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            items.Add(copy);
        }
        var list = new JsonObject
        {
            ["kind"] = "PodList",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "99999" },
            ["items"] = items,
        };
        return JsonSerializer.SerializeToUtf8Bytes(list);
    }
}
