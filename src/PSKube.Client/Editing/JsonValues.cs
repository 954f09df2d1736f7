using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Editing;

/// <summary>
/// Plain .NET values (what a PowerShell hashtable, ordered dictionary or array holds) as JSON: dictionaries become
/// objects in their own key order, lists arrays, numbers and booleans stay numbers and booleans (not strings), dates
/// RFC 3339 text as Kubernetes writes them, Kubernetes objects their wire form.
/// </summary>
public static class JsonValues
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Converts <paramref name="value"/>; <paramref name="unwrap"/> first turns a host's wrapper (a PSObject) into the
    /// value it stands for. A value with no JSON form is a <see cref="KubeInputException"/> for <paramref name="parameter"/>.
    /// </summary>
    public static JsonNode? FromValue(object? value, string parameter, Func<object, object?>? unwrap = null) =>
        Convert(value, parameter, unwrap ?? (v => v), "", 0);

    private static JsonNode? Convert(object? value, string parameter, Func<object, object?> unwrap, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new KubeInputException($"-{parameter} nests deeper than {MaxDepth} levels at {Where(path)}; does a value contain itself?", parameter);
        }
        value = value is null ? null : unwrap(value);
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case string or char:
                return JsonValue.Create(value.ToString());
            case bool flag:
                return JsonValue.Create(flag);
            case double or float when !double.IsFinite(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                throw new KubeInputException($"-{parameter} holds {value} at {Where(path)}, which JSON cannot carry.", parameter);
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return JsonNode.Parse(System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
            case System.Numerics.BigInteger big:
                return JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture));
            case DateTime time:
                return JsonValue.Create(new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case DateTimeOffset offset:
                return JsonValue.Create(offset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case Enum named:
                return JsonValue.Create(named.ToString());
            case KubeObject obj:
                return KubeJson.SerializeToNode(obj);
            case IDictionary table:
                var result = new JsonObject();
                foreach (DictionaryEntry entry in table)
                {
                    var key = entry.Key is null ? "" : unwrap(entry.Key)?.ToString() ?? "";
                    if (result.ContainsKey(key))
                    {
                        throw new KubeInputException($"-{parameter} has the key \"{key}\" twice at {Where(path)}.", parameter);
                    }
                    result[key] = Convert(entry.Value, parameter, unwrap, $"{path}.{key}", depth + 1);
                }
                return result;
            case IEnumerable items:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in items)
                {
                    array.Add(Convert(item, parameter, unwrap, $"{path}[{index++}]", depth + 1));
                }
                return array;
            default:
                throw new KubeInputException(
                    $"-{parameter} holds a {value.GetType().Name} at {Where(path)}, which has no JSON form; use hashtables, arrays, strings, numbers and booleans, or JSON/YAML text.",
                    parameter);
        }
    }

    private static string Where(string path) => path.Length == 0 ? "the top" : path.TrimStart('.');
}
