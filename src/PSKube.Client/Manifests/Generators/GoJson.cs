using System.Text;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// JSON written byte for byte as Go's encoding/json writes it (kubectl's --append-hash hashes that text, and a
/// docker config holds it): map keys sorted by their bytes, no spaces, '&lt;', '&gt;' and '&amp;' escaped.
/// </summary>
internal static class GoJson
{
    /// <summary>An object of already encoded values, keys in Go's order.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, string>> encodedMembers)
    {
        var json = new StringBuilder("{");
        foreach (var (key, value) in encodedMembers.OrderBy(member => member.Key, StringComparer.Ordinal))
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append(String(key)).Append(':').Append(value);
        }

        return json.Append('}').ToString();
    }

    /// <summary>A map of strings (Go's map[string]string).</summary>
    public static string StringMap(IReadOnlyDictionary<string, string> map) =>
        Object(map.Select(pair => KeyValuePair.Create(pair.Key, String(pair.Value))));

    /// <summary>A map of bytes (Go's map[string][]byte: base64 text).</summary>
    public static string BytesMap(IReadOnlyDictionary<string, byte[]> map) =>
        Object(map.Select(pair => KeyValuePair.Create(pair.Key, String(Convert.ToBase64String(pair.Value)))));

    /// <summary>A string literal with Go's escapes.</summary>
    public static string String(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        return json.Append('"').ToString();
    }
}
