using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PSKube.Client.Manifests;

/// <summary>
/// Converts YAML manifests to JSON the way Kubernetes reads them: mappings become objects, sequences arrays, and
/// plain scalars are typed by the YAML 1.2 core schema (null, true/false, integers, floats); quoted scalars stay
/// strings. Errors carry the line and column.
/// </summary>
public static class YamlJson
{
    /// <summary>Converts a single-document YAML (or JSON) text; an empty document gives null.</summary>
    public static JsonNode? ToJson(string yaml)
    {
        var documents = ToJsonDocuments(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new ManifestException($"expected one YAML document but found {documents.Count}", 0, 0),
        };
    }

    /// <summary>Converts every document of a multi-document YAML text, skipping empty ones.</summary>
    public static IReadOnlyList<JsonNode> ToJsonDocuments(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ManifestException(e.Message, (int)e.Start.Line, (int)e.Start.Column);
        }
        var result = new List<JsonNode>();
        foreach (var document in stream.Documents)
        {
            if (Convert(document.RootNode) is { } node)
            {
                result.Add(node);
            }
        }
        return result;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new ManifestException("unsupported YAML node", (int)node.Start.Line, (int)node.Start.Column),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new ManifestException("mapping keys must be strings", (int)key.Start.Line, (int)key.Start.Column);
            }
            if (obj.ContainsKey(name))
            {
                throw new ManifestException($"key \"{name}\" already set in map", (int)key.Start.Line, (int)key.Start.Column);
            }
            obj[name] = Convert(value);
        }
        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (tag is null && scalar.Style is not ScalarStyle.Plain))
        {
            return JsonValue.Create(text);
        }
        if (tag is "tag:yaml.org,2002:null" || text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }
        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (text.StartsWith("0x", StringComparison.Ordinal) &&
            long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }
        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }
        if (LooksLikeFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }

    // Only YAML 1.2 float forms: digits with a point and/or an exponent (so "1.2.3" or "1_000" stay strings).
    private static bool LooksLikeFloat(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
}
