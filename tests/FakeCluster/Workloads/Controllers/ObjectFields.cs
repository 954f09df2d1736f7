using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Selectors;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>Reading and writing the fields controllers care about on stored objects (JsonObject).</summary>
internal static class ObjectFields
{
    public static JsonObject Metadata(JsonObject obj) => ObjectDefaults.Ensure(obj, "metadata");

    public static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    public static string? Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"];

    public static string Uid(JsonObject obj) => (string?)obj["metadata"]?["uid"] ?? "";

    public static DateTimeOffset Created(JsonObject obj) => KubeTime.Parse((string?)obj["metadata"]?["creationTimestamp"]) ?? DateTimeOffset.MinValue;

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    /// <summary>True only for a JSON true; anything else (missing, null, a string) is false.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static long Generation(JsonObject obj) => (long?)obj["metadata"]?["generation"] ?? 0;

    /// <summary>A whole number, whether the value came off the wire or was built here from an int or a long.</summary>
    public static long Long(JsonNode? node, long fallback = 0) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    public static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static string? Annotation(JsonObject obj, string key) => (string?)obj["metadata"]?["annotations"]?[key];

    public static void SetAnnotation(JsonObject obj, string key, string value) =>
        ObjectDefaults.Ensure(Metadata(obj), "annotations")[key] = value;

    /// <summary>
    /// The selector of a workload: a metav1.LabelSelector (apps, batch) or a plain map (ReplicationController,
    /// Service). A missing selector selects nothing, as the controllers treat it.
    /// </summary>
    public static LabelSelector? Selector(JsonNode? selector)
    {
        if (selector is not JsonObject map)
        {
            return null;
        }
        var isLabelSelector = map.ContainsKey("matchLabels") || map.ContainsKey("matchExpressions");
        if (!isLabelSelector)
        {
            return map.Count == 0 ? null : LabelSelector.FromMatch(StringMap(map), null);
        }
        var expressions = (map["matchExpressions"] as JsonArray)?.OfType<JsonObject>().Select(e => (
            (string?)e["key"] ?? "",
            (string?)e["operator"] ?? "",
            (IReadOnlyList<string>)((e["values"] as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? []))).ToList();
        try
        {
            return LabelSelector.FromMatch(StringMap(map["matchLabels"]), expressions);
        }
        catch (LabelSelectorException)
        {
            return null;
        }
    }

    /// <summary>The owner reference with controller: true, if any.</summary>
    public static JsonObject? ControllerReference(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => IsTrue(r["controller"]));

    public static bool IsControlledBy(JsonObject obj, JsonObject owner) =>
        (string?)ControllerReference(obj)?["uid"] == Uid(owner);

    /// <summary>The reference a controller puts on what it creates: it is the controller, and blocks foreground deletion.</summary>
    public static JsonObject OwnerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = (string?)owner["apiVersion"],
        ["kind"] = (string?)owner["kind"],
        ["name"] = Name(owner),
        ["uid"] = Uid(owner),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };
}
