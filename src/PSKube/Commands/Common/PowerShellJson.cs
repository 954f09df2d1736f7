using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json.Nodes;

namespace PSKube.Commands.Common;

/// <summary>
/// A hashtable or custom object as the JSON it stands for (what ConvertTo-Json would write): dictionaries and
/// objects' note properties become objects, other lists arrays, numbers and booleans themselves, anything else text.
/// </summary>
internal static class PowerShellJson
{
    // Deep enough for any manifest, and a stop for an object that contains itself.
    private const int MaxDepth = 100;

    public static JsonNode? ToNode(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"The object nests deeper than {MaxDepth} levels.");
        }
        var wrapped = value as PSObject;
        var raw = wrapped?.BaseObject ?? value;
        switch (raw)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case int or long or short or byte or sbyte or ushort or uint:
                return JsonValue.Create(Convert.ToInt64(raw, CultureInfo.InvariantCulture));
            case float or double or decimal:
                return JsonValue.Create(Convert.ToDouble(raw, CultureInfo.InvariantCulture));
            case IDictionary dictionary:
                var fromDictionary = new JsonObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    fromDictionary[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value, depth + 1);
                }
                return fromDictionary;
            case PSCustomObject when wrapped is not null:
                var fromProperties = new JsonObject();
                foreach (var property in wrapped.Properties.Where(p => p.MemberType == PSMemberTypes.NoteProperty))
                {
                    fromProperties[property.Name] = ToNode(property.Value, depth + 1);
                }
                return fromProperties;
            case IEnumerable items:
                return new JsonArray([.. items.Cast<object?>().Select(item => ToNode(item, depth + 1))]);
            default:
                return JsonValue.Create(Convert.ToString(raw, CultureInfo.InvariantCulture));
        }
    }
}
