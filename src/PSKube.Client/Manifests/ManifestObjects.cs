using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Manifests;

/// <summary>
/// The Kubernetes objects in the values of a manifest (YAML documents, JSON values), as `kubectl apply -f` takes
/// them: each value an object of its kind (the model of its kind, else <see cref="GenericKubeObject"/>), a `List` or
/// a typed list (PodList...) unrolled into its items.
/// </summary>
internal static class ManifestObjects
{
    /// <param name="values">The values in the order of the text.</param>
    /// <param name="unit">What a value is called in errors: "document 2", "value 2".</param>
    public static IReadOnlyList<KubeObject> Read(IReadOnlyList<JsonNode?> values, string unit)
    {
        var objects = new List<KubeObject>();
        for (var i = 0; i < values.Count; i++)
        {
            var which = $"{unit} {i + 1}";
            if (values[i] is JsonObject list && (string?)list["kind"] is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && list["items"] is JsonArray items)
            {
                for (var j = 0; j < items.Count; j++)
                {
                    objects.Add(ToObject(WithKindOfList(items[j], list, kind), $"item {j + 1} of {which} ({kind})"));
                }
            }
            else
            {
                objects.Add(ToObject(values[i], which));
            }
        }
        return objects;
    }

    // The API leaves kind and apiVersion out of the items of a typed list (a PodList's items are Pods).
    private static JsonNode? WithKindOfList(JsonNode? item, JsonObject list, string listKind)
    {
        if (item is JsonObject obj && listKind != "List")
        {
            obj["kind"] ??= listKind[..^"List".Length];
            if ((string?)list["apiVersion"] is { } apiVersion)
            {
                obj["apiVersion"] ??= apiVersion;
            }
        }
        return item;
    }

    private static KubeObject ToObject(JsonNode? node, string which)
    {
        if (node is not JsonObject obj || (string?)obj["kind"] is not { Length: > 0 } kind || (string?)obj["apiVersion"] is not { Length: > 0 })
        {
            throw new ManifestException($"{which} is not a Kubernetes object: it needs apiVersion and kind", 0, 0);
        }
        try
        {
            return ResourcePrinters.Deserialize(kind, obj.ToJsonString())!;
        }
        catch (JsonException e)
        {
            throw new ManifestException($"{which} ({kind}) does not fit its schema at {e.Path}: {WithoutPosition(e.Message)}", 0, 0);
        }
    }

    /// <summary>
    /// A System.Text.Json message without the "Path: ... | LineNumber: ... | BytePositionInLine: ..." it ends
    /// with: the caller says where in the terms of the user's text.
    /// </summary>
    public static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var path and >= 0 ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
