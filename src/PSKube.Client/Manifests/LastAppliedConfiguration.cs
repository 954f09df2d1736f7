using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Apply;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Manifests;

/// <summary>
/// What was last applied to an object (kubectl apply view-last-applied), for objects applied server-side as well
/// as client-side: the live values of the fields an apply manager owns (its <c>metadata.managedFields</c> entry
/// says which), else kubectl's last-applied-configuration annotation. The manager asked for comes first, then the
/// annotation, then any other apply manager (kubectl apply --server-side records itself as "kubectl").
/// </summary>
public static class LastAppliedConfiguration
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";
    private const string ApplyOperation = "Apply";

    /// <returns>The configuration as an object of JSON, or null when nothing was ever applied to the object.</returns>
    public static JsonObject? Of(KubeObject obj, string fieldManager)
    {
        ArgumentNullException.ThrowIfNull(obj);
        // Parsed lazily: only the entry that is used becomes a tree.
        var applied = (obj.Metadata?.ManagedFields ?? [])
            .Where(e => e.Operation == ApplyOperation && string.IsNullOrEmpty(e.Subresource));
        if (applied.Where(e => e.Manager == fieldManager).Select(e => e.FieldsV1?.ToJsonNode()).OfType<JsonObject>().FirstOrDefault() is { } own)
        {
            return Project(obj, own);
        }
        if (obj.Metadata?.Annotations?.GetValueOrDefault(Annotation) is { Length: > 0 } text && Parse(text) is { } annotated)
        {
            return annotated;
        }
        return applied.Select(e => e.FieldsV1?.ToJsonNode()).OfType<JsonObject>().FirstOrDefault() is { } first ? Project(obj, first) : null;
    }

    /// <summary>The configuration as an object of its kind (the model of the kind, else a generic object), or null.</summary>
    public static KubeObject? ObjectOf(KubeObject obj, string fieldManager) =>
        Of(obj, fieldManager) is { } configuration && obj.Kind is { } kind ? ResourcePrinters.Deserialize(kind, configuration.ToJsonString()) : null;

    /// <summary>kubectl's annotation of an object as the API sends it, read; null when absent or not JSON.</summary>
    internal static JsonObject? FromAnnotation(JsonObject? obj) =>
        obj?["metadata"]?["annotations"]?[Annotation] is JsonValue text && text.TryGetValue<string>(out var json) ? Parse(json) : null;

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The owned fields of the live object, with what identifies it (never recorded in managedFields) in front.
    private static JsonObject Project(KubeObject obj, JsonObject fields)
    {
        var live = WireForm.Of(obj, includeManagedFields: false) as JsonObject ?? [];
        var projected = ProjectObject(live, fields);
        var metadata = projected["metadata"] as JsonObject ?? [];
        projected.Remove("metadata");
        var identity = new JsonObject { ["apiVersion"] = obj.ApiVersion, ["kind"] = obj.Kind };
        var identityMetadata = new JsonObject { ["name"] = obj.Name };
        if (!string.IsNullOrEmpty(obj.Namespace))
        {
            identityMetadata["namespace"] = obj.Namespace;
        }
        foreach (var (key, value) in metadata.ToList())
        {
            metadata.Remove(key);
            identityMetadata[key] = value;
        }
        identity["metadata"] = identityMetadata;
        foreach (var (key, value) in projected.ToList())
        {
            projected.Remove(key);
            identity[key] = value;
        }
        return identity;
    }

    // fieldsV1: "f:name" a field, "k:{...}" a list item by its keys, "v:..." a set item by value, "i:N" an item by
    // index, "." the node itself; an empty set under a field means the whole value is owned.
    private static JsonObject ProjectObject(JsonObject live, JsonObject fields)
    {
        var result = new JsonObject();
        foreach (var (key, children) in fields)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal) || !live.TryGetPropertyValue(key[2..], out var value) || value is null)
            {
                continue;
            }
            result[key[2..]] = ProjectValue(value, children as JsonObject);
        }
        return result;
    }

    private static JsonNode? ProjectValue(JsonNode value, JsonObject? children)
    {
        var owned = children?.Where(c => c.Key != ".").ToList() ?? [];
        if (owned.Count == 0)
        {
            return value.DeepClone();
        }
        return value switch
        {
            JsonObject obj => ProjectObject(obj, children!),
            JsonArray array => ProjectArray(array, owned),
            _ => value.DeepClone(),
        };
    }

    // The items the set names (by key, value or index), in the live list's order.
    private static JsonArray ProjectArray(JsonArray live, List<KeyValuePair<string, JsonNode?>> items)
    {
        var owned = items
            .Select(i => (Item: FieldSets.Child(live, i.Key), Children: i.Value as JsonObject))
            .Where(i => i.Item is not null)
            .ToList();
        return [.. live.Select(item => owned.FirstOrDefault(o => ReferenceEquals(o.Item, item)))
            .Where(o => o.Item is not null)
            .Select(o => ProjectValue(o.Item!, o.Children))];
    }
}
