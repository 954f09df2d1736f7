using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Manifests;

/// <summary>
/// Kubernetes objects to and from JSON as kubectl writes and reads it: `kubectl get -o json` prints one object as
/// itself and several as a `List`; `kubectl apply -f` reads an object, a list of any kind (PodList, List...) or
/// several objects one after another.
/// </summary>
public static class KubectlJson
{
    /// <summary>One object, as `kubectl get KIND NAME -o json` prints it.</summary>
    public static string ToJson(KubeObject obj, bool includeManagedFields = false, bool compress = false) =>
        GoJsonWriter.Write(WireForm.Of(obj, includeManagedFields), compress);

    /// <summary>
    /// One object as itself, any other number as a `List` (apiVersion v1, empty resourceVersion) as kubectl prints
    /// several; <paramref name="asList"/> makes a List of one object too, as kubectl get KIND -o json does.
    /// </summary>
    public static string ToJson(IReadOnlyList<KubeObject> objects, bool includeManagedFields = false, bool compress = false, bool asList = false)
    {
        ArgumentNullException.ThrowIfNull(objects);
        if (objects.Count == 1 && !asList)
        {
            return ToJson(objects[0], includeManagedFields, compress);
        }
        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["items"] = new JsonArray(objects.Select(obj => WireForm.Of(obj, includeManagedFields)).ToArray()),
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = "" },
        };
        return GoJsonWriter.Write(list, compress);
    }

    /// <summary>
    /// Reads every object of a JSON text into its model (<see cref="GenericKubeObject"/> for kinds without one):
    /// lists are unrolled into their items, several JSON values one after another are read in turn, and a text
    /// that is not JSON is refused with its line and column.
    /// </summary>
    public static IReadOnlyList<KubeObject> ObjectsFromJson(string json)
    {
        var (values, error) = Values(json);
        return error is null ? ManifestObjects.Read(values, "value") : throw error;
    }

    /// <summary>
    /// Each JSON value of the text, however many follow each other (kubectl get -w -o json writes them so), up to
    /// the first that is not JSON, whose error comes with them: what follows it cannot be told apart.
    /// </summary>
    internal static (List<SourceValue> Values, ManifestException? Error) Values(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        YamlLimits.CheckLength(json.Length);
        // A byte order mark is not JSON; a file read as text may still start with one.
        var utf8 = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        var values = new List<SourceValue>();
        var offset = 0;
        var line = 1;
        var column = 1;
        while (true)
        {
            // Skip the whitespace between values, counting lines so errors point into the whole text.
            while (offset < utf8.Length && utf8[offset] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                (line, column) = utf8[offset] == '\n' ? (line + 1, 1) : (line, column + 1);
                offset++;
            }
            if (offset == utf8.Length)
            {
                return (values, null);
            }
            var reader = new Utf8JsonReader(utf8.AsSpan(offset), isFinalBlock: true, state: default);
            try
            {
                var node = JsonNode.Parse(ref reader);
                var (start, length, startLine, startColumn) = (offset, (int)reader.BytesConsumed, line, column);
                // Positions are only needed for an error, so the value is read again only then.
                values.Add(new SourceValue(node, new Lazy<SourcePositions>(() => Positions(utf8.AsMemory(start, length), startLine, startColumn))));
            }
            catch (JsonException e)
            {
                var errorLine = (int)(e.LineNumber ?? 0);
                var errorColumn = (int)(e.BytePositionInLine ?? 0) + 1;
                return (values, new ManifestException(ManifestObjects.WithoutPosition(e.Message), line + errorLine, errorLine == 0 ? column + errorColumn - 1 : errorColumn));
            }
            var consumed = utf8.AsSpan(offset, (int)reader.BytesConsumed);
            var breaks = consumed.Count((byte)'\n');
            (line, column) = breaks == 0 ? (line, column + consumed.Length) : (line + breaks, consumed.Length - consumed.LastIndexOf((byte)'\n'));
            offset += consumed.Length;
        }
    }

    // Where each value of one JSON value starts, by field path; columns count characters, not bytes.
    private static SourcePositions Positions(ReadOnlyMemory<byte> utf8, int line, int column)
    {
        var positions = new SourcePositions();
        var reader = new Utf8JsonReader(utf8.Span);
        var containers = new Stack<(string Path, bool IsArray, int Count)>();
        var property = "";
        var scanned = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString()!;
                continue;
            }
            // Advance the line and column to the start of this token.
            for (; scanned < reader.TokenStartIndex; scanned++)
            {
                var b = utf8.Span[scanned];
                (line, column) = b == '\n' ? (line + 1, 1) : (b & 0xC0) == 0x80 ? (line, column) : (line, column + 1);
            }
            var path = "";
            if (containers.TryPop(out var parent))
            {
                path = parent.IsArray ? FieldPath.Item(parent.Path, parent.Count) : FieldPath.Child(parent.Path, property);
                containers.Push(parent with { Count = parent.Count + 1 });
            }
            positions.Add(path, line, column);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        return positions;
    }
}
