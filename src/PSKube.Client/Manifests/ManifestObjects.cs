using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Manifests;

/// <summary>
/// The Kubernetes objects in the values of a manifest (YAML documents, JSON values), as `kubectl apply -f` takes
/// them: each value an object of its kind (the model of its kind, else <see cref="GenericKubeObject"/>), a `List` or
/// a typed list (PodList...) unrolled into its items. A value that does not fit its kind is refused with the
/// position in the text and the field path (<c>spec.containers[0].ports: expected a list, got a string</c>).
/// </summary>
internal static partial class ManifestObjects
{
    /// <param name="values">The values in the order of the text.</param>
    /// <param name="unit">What a value is called in errors: "document 2", "value 2".</param>
    public static IReadOnlyList<KubeObject> Read(IReadOnlyList<SourceValue> values, string unit) =>
        [.. values.SelectMany((value, i) => Entries(value, $"{unit} {i + 1}")).Select(entry => entry.Object ?? throw entry.Error!)];

    /// <summary>
    /// The objects of one value in order: the value itself, or each item of a list (<c>Item</c> 1-based); an item
    /// that is not a Kubernetes object of its kind comes as its error, so the other items can still be used.
    /// </summary>
    /// <param name="which">What the value is called in errors: "document 2".</param>
    public static IEnumerable<(KubeObject? Object, ManifestException? Error, int? Item)> Entries(SourceValue value, string which)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Node is JsonObject list && (string?)list["kind"] is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && list["items"] is JsonArray items)
        {
            for (var j = 0; j < items.Count; j++)
            {
                yield return Entry(() => ToObject(WithKindOfList(items[j], list, kind), $"item {j + 1} of {which} ({kind})", value.Positions, FieldPath.Item("items", j)), j + 1);
            }
        }
        else
        {
            yield return Entry(() => ToObject(value.Node, which, value.Positions, ""), null);
        }
    }

    private static (KubeObject?, ManifestException?, int?) Entry(Func<KubeObject> read, int? item)
    {
        try
        {
            return (read(), null, item);
        }
        catch (ManifestException e)
        {
            return (null, e, item);
        }
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

    /// <param name="at">The path of the object in its value: empty, or <c>items[2]</c> for an item of a list.</param>
    private static KubeObject ToObject(JsonNode? node, string which, Lazy<SourcePositions> positions, string at)
    {
        if (node is not JsonObject obj || (string?)obj["kind"] is not { Length: > 0 } kind || (string?)obj["apiVersion"] is not { Length: > 0 })
        {
            var (line, column) = positions.Value.Find(at);
            throw new ManifestException($"{which} is not a Kubernetes object: it needs apiVersion and kind", line, column);
        }
        try
        {
            return ResourcePrinters.Deserialize(kind, obj.ToJsonString())!;
        }
        catch (JsonException e)
        {
            var (path, value) = FieldPath.FromJsonPath(e.Path, obj);
            var (line, column) = positions.Value.Find(FieldPath.Join(at, path));
            // An item of a list is already named with the list's kind.
            var named = at.Length == 0 ? $"{which} ({kind})" : which;
            throw new ManifestException($"{named}: {(path.Length == 0 ? "the object" : path)}: {Mismatch(WithoutPosition(e.Message), value)}", line, column);
        }
    }

    // "expected a list, got a string "x"" from System.Text.Json's message, without its .NET type names.
    private static string Mismatch(string message, JsonNode? value)
    {
        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return $"expected {FieldPath.Expected(converted.Groups["type"].Value)}, got {FieldPath.Describe(value)}";
        }
        if (ConverterExpected().Match(message) is { Success: true } expected)
        {
            return $"expected {expected.Groups["what"].Value}, got {FieldPath.Describe(value)}";
        }
        return message;
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

    [GeneratedRegex(@"could not be converted to (?<type>\S+)$")]
    private static partial Regex ConvertedTo();

    // The model's own converters say "Expected <what>, got <token>".
    [GeneratedRegex(@"^Expected (?<what>.+?), got ")]
    private static partial Regex ConverterExpected();
}
