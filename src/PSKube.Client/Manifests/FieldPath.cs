using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PSKube.Client.Manifests;

/// <summary>
/// Field paths as Kubernetes writes them in errors: <c>spec.containers[0].ports</c>, keys that are not plain
/// names in brackets (<c>metadata.labels[app.kubernetes.io/name]</c>); the empty path is the whole value.
/// </summary>
internal static partial class FieldPath
{
    public static string Child(string parent, string key)
    {
        var segment = PlainKey().IsMatch(key) ? key : $"[{key}]";
        return parent.Length == 0 || segment[0] == '[' ? parent + segment : $"{parent}.{segment}";
    }

    /// <summary>A path inside the value at another: <c>items[2]</c> and <c>spec.replicas</c> give <c>items[2].spec.replicas</c>.</summary>
    public static string Join(string outer, string inner) =>
        outer.Length == 0 ? inner : inner.Length == 0 ? outer : inner[0] == '[' ? outer + inner : $"{outer}.{inner}";

    public static string Item(string parent, int index) => $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The enclosing path: <c>a.b[0]</c> gives <c>a.b</c>, <c>a</c> gives the empty path.</summary>
    public static string Parent(string path)
    {
        if (path.EndsWith(']'))
        {
            // The opening bracket of the last segment; keys in brackets may hold dots but no brackets.
            return path[..path.LastIndexOf('[')];
        }
        var dot = path.LastIndexOf('.');
        var bracket = path.LastIndexOf(']');
        return dot > bracket ? path[..dot] : bracket >= 0 ? path[..(bracket + 1)] : "";
    }

    /// <summary>
    /// A System.Text.Json path (<c>$.spec.containers[0]</c>, <c>$['a.b']</c>) as a field path, and the value
    /// it names in <paramref name="root"/> (null when it is absent).
    /// </summary>
    public static (string Path, JsonNode? Value) FromJsonPath(string? jsonPath, JsonNode? root)
    {
        var path = "";
        var value = root;
        var text = jsonPath ?? "$";
        var i = text.StartsWith('$') ? 1 : 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = text.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? text.Length : end;
                (path, value) = Step(path, value, text[(i + 1)..end]);
                i = end;
            }
            else if (text.AsSpan(i).StartsWith("['"))
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end;
                (path, value) = Step(path, value, text[(i + 2)..end]);
                i = end + 2;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                end = end < 0 ? text.Length : end;
                var index = int.Parse(text.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture);
                path = Item(path, index);
                value = value is JsonArray array && index < array.Count ? array[index] : null;
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return (path, value);
    }

    /// <summary>The value at a field path in <paramref name="root"/>, null when absent.</summary>
    public static JsonNode? Find(JsonNode? root, string path)
    {
        var value = root;
        var i = 0;
        while (i < path.Length && value is not null)
        {
            string segment;
            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segment = path[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = path[i] == '.' ? i + 1 : i;
                var end = path.IndexOfAny(['.', '['], start);
                end = end < 0 ? path.Length : end;
                segment = path[start..end];
                i = end;
            }
            value = value switch
            {
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                _ => null,
            };
        }
        return value;
    }

    private static (string, JsonNode?) Step(string path, JsonNode? value, string key) =>
        (Child(path, key), value is JsonObject obj && obj.TryGetPropertyValue(key, out var child) ? child : null);

    /// <summary>What a value is, in the words of a manifest: "a list", "a string \"abc\"", "null".</summary>
    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "a map",
        JsonArray => "a list",
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.String => $"a string \"{Shorten(scalar.GetValue<string>())}\"",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({scalar.ToJsonString()})",
            _ => $"a number ({scalar.ToJsonString()})",
        },
        _ => "a value",
    };

    /// <summary>
    /// What a model type holds, from the .NET type name System.Text.Json names in its message, in a manifest's
    /// words ("a list", "a map", "an integer").
    /// </summary>
    public static string Expected(string typeName)
    {
        var name = NullableType().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;
        return name switch
        {
            _ when name.EndsWith("[]", StringComparison.Ordinal) || ListType().IsMatch(name) => "a list",
            _ when name.Contains("Dictionary`2", StringComparison.Ordinal) => "a map",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64" or "System.Byte" => "an integer",
            "System.Single" or "System.Double" or "System.Decimal" => "a number",
            "System.DateTime" or "System.DateTimeOffset" => "a timestamp",
            _ => "a map",
        };
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 40 ? line[..40] + "..." : line;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$-]*$")]
    private static partial Regex PlainKey();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableType();

    [GeneratedRegex(@"(List|Collection|Enumerable|Set)`1\[")]
    private static partial Regex ListType();
}
