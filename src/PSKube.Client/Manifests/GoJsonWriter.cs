using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.Client.Manifests;

/// <summary>
/// Writes JSON byte for byte as kubectl does (Go's encoding/json over the object as a map): keys sorted, four spaces
/// of indentation, `&lt;`, `&gt;`, `&amp;`, U+2028 and U+2029 escaped as \u sequences, and numbers as Go prints
/// them.
/// </summary>
internal static class GoJsonWriter
{
    private const string Indent = "    ";

    /// <summary>Indented (with a final newline, as kubectl prints it) or on one line.</summary>
    public static string Write(JsonNode? node, bool compress)
    {
        var text = new StringBuilder();
        Write(text, node, compress ? null : 0);
        if (!compress)
        {
            text.Append('\n');
        }
        return text.ToString();
    }

    // depth is null when writing on one line.
    private static void Write(StringBuilder text, JsonNode? node, int? depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(text, '{', '}', obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), depth, (property, inner) =>
                {
                    WriteString(text, property.Key);
                    text.Append(depth is null ? ":" : ": ");
                    Write(text, property.Value, inner);
                });
                break;
            case JsonArray array:
                WriteContainer(text, '[', ']', array.ToList(), depth, (item, inner) => Write(text, item, inner));
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder text, char open, char close, List<T> items, int? depth, Action<T, int?> writeItem)
    {
        text.Append(open);
        if (items.Count == 0)
        {
            text.Append(close);
            return;
        }
        var inner = depth + 1;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            NewLine(text, inner);
            writeItem(items[i], inner);
        }
        NewLine(text, depth);
        text.Append(close);
    }

    private static void NewLine(StringBuilder text, int? depth)
    {
        if (depth is { } level)
        {
            text.Append('\n');
            text.Insert(text.Length, Indent, level);
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                text.Append(GoNumber(value.ToJsonString()));
                break;
            default:
                text.Append(value.ToJsonString());
                break;
        }
    }

    // kubectl reads numbers into int64 when they are whole and fit, else float64, and prints floats in the shortest
    // form that reads back the same, with an exponent only below 1e-6 or from 1e21 up ("1e+21", "1e-7").
    private static string GoNumber(string json)
    {
        if (long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return json;
        }
        var number = double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var power = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(number);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
        {
            return $"{mantissa}e{(power < 0 ? '-' : '+')}{Math.Abs(power):00}".Replace("e-0", "e-", StringComparison.Ordinal);
        }
        return power == 0 ? mantissa : WithoutExponent(mantissa, power);
    }

    // "1.5", 20 -> "150000000000000000000"; "1.5", -6 -> "0.0000015".
    private static string WithoutExponent(string mantissa, int power)
    {
        var sign = mantissa.StartsWith('-') ? "-" : "";
        var unsigned = mantissa.TrimStart('-');
        var point = unsigned.IndexOf('.', StringComparison.Ordinal) is var p and >= 0 ? p : unsigned.Length;
        var digits = unsigned.Replace(".", "", StringComparison.Ordinal);
        var newPoint = point + power;
        return sign + (newPoint <= 0 ? "0." + new string('0', -newPoint) + digits
            : newPoint >= digits.Length ? digits + new string('0', newPoint - digits.Length)
            : digits[..newPoint] + "." + digits[newPoint..]);
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    text.Append(c).Append(value[++i]);
                    break;
                case var _ when char.IsSurrogate(c):
                    // A lone surrogate is not valid UTF-8: Go writes the replacement character.
                    text.Append("\\ufffd");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
