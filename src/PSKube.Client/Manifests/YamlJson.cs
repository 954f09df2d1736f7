using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PSKube.Client.Manifests;

/// <summary>
/// Converts YAML manifests to JSON the way Kubernetes reads them: mappings become objects, sequences arrays, and
/// plain scalars are typed by the YAML 1.2 core schema (null, true/false, integers, floats); quoted scalars stay
/// strings. Every text is held to <see cref="YamlLimits"/> (size, depth, alias expansion), and errors carry the
/// line and column.
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
    public static IReadOnlyList<JsonNode> ToJsonDocuments(string yaml) => [.. Read(yaml).Select(document => document.Node!)];

    /// <summary>
    /// Every non-empty document of the text with where its values are. With <paramref name="typedScalarTexts"/>
    /// (keyed by reference), also the text of each plain scalar typed as a number or boolean, for a reader whose
    /// model wants a string there: kubectl reads <c>token: 0123</c> in a kubeconfig as "0123", not 123.
    /// </summary>
    internal static IReadOnlyList<SourceValue> Read(string yaml, Dictionary<JsonNode, string>? typedScalarTexts = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlLimits.CheckLength(yaml.Length);
        try
        {
            return new Reader(yaml, typedScalarTexts).ReadDocuments();
        }
        catch (YamlException e)
        {
            throw SyntaxError(yaml, e);
        }
    }

    // The scanner reports a tab in the indentation at the start of the enclosing block or of the scalar before it;
    // the user needs the line with the tab.
    private static ManifestException SyntaxError(string yaml, YamlException e)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = yaml.Split('\n');
            for (var i = Math.Max(0, (int)e.Start.Line - 1); i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t', 0, indentation);
                if (tab >= 0 && indentation < lines[i].TrimEnd('\r').Length)
                {
                    return new ManifestException("found a tab character in the indentation; YAML indents with spaces only", i + 1, tab + 1);
                }
            }
        }
        return new ManifestException(e.Message.TrimEnd('.'), (int)e.Start.Line, (int)e.Start.Column);
    }

    /// <summary>
    /// Reads the parser's events straight into JSON. An anchored value is kept with its weight (one per value, one
    /// more per 32 characters of text in it) and each alias is charged that weight before it is copied, so aliases
    /// of aliases are refused before they cost anything.
    /// </summary>
    private sealed class Reader(string yaml, Dictionary<JsonNode, string>? typedScalarTexts)
    {
        private const int CharactersPerValue = 32;
        private readonly Parser _parser = new(new StringReader(yaml));
        private readonly Dictionary<string, (JsonNode? Value, long Weight, string? Text)> _anchors = new(StringComparer.Ordinal);
        private long _written;
        private long _expanded;

        public List<SourceValue> ReadDocuments()
        {
            var documents = new List<SourceValue>();
            _parser.Consume<StreamStart>();
            while (!_parser.TryConsume<StreamEnd>(out _))
            {
                _parser.Consume<DocumentStart>();
                var positions = new SourcePositions();
                var (node, _) = ReadValue("", 0, positions);
                _parser.Consume<DocumentEnd>();
                // Anchors do not reach across documents.
                _anchors.Clear();
                if (node is not null)
                {
                    documents.Add(new SourceValue(node, new Lazy<SourcePositions>(() => positions)));
                }
            }
            return documents;
        }

        private (JsonNode? Node, long Weight) ReadValue(string path, int depth, SourcePositions positions)
        {
            var next = _parser.Consume<ParsingEvent>();
            positions.Add(path, (int)next.Start.Line, (int)next.Start.Column);
            if (next is AnchorAlias alias)
            {
                return Expand(alias);
            }
            if (next is not NodeEvent start)
            {
                throw new ManifestException($"unexpected {next.GetType().Name}", (int)next.Start.Line, (int)next.Start.Column);
            }
            if (start is Scalar scalar)
            {
                var weight = Weigh(scalar.Value);
                _written += weight;
                var value = Convert(scalar);
                Remember(scalar.Anchor, value, weight, scalar.Value);
                return (value, weight);
            }
            if (depth >= YamlLimits.MaxDepth)
            {
                throw new ManifestException($"the document nests deeper than {YamlLimits.MaxDepth} levels", (int)start.Start.Line, (int)start.Start.Column);
            }
            var (node, total) = start is SequenceStart ? ReadSequence(path, depth, positions) : ReadMapping(path, depth, positions);
            Remember(start.Anchor, node, total, null);
            return (node, total);
        }

        private (JsonNode, long) ReadSequence(string path, int depth, SourcePositions positions)
        {
            var array = new JsonArray();
            long weight = 1;
            _written++;
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                var (item, itemWeight) = ReadValue(FieldPath.Item(path, array.Count), depth + 1, positions);
                array.Add(item);
                weight += itemWeight;
            }
            return (array, weight);
        }

        private (JsonNode, long) ReadMapping(string path, int depth, SourcePositions positions)
        {
            var obj = new JsonObject();
            long weight = 1;
            _written++;
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var key = _parser.Consume<ParsingEvent>();
                var name = key switch
                {
                    Scalar scalar => scalar.Value,
                    AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var anchored) && anchored.Text is { } text => text,
                    _ => throw new ManifestException("mapping keys must be strings", (int)key.Start.Line, (int)key.Start.Column),
                };
                if (key is Scalar { Anchor.IsEmpty: false } anchoredKey)
                {
                    Remember(anchoredKey.Anchor, Convert(anchoredKey), Weigh(name), name);
                }
                if (obj.ContainsKey(name))
                {
                    throw new ManifestException($"key \"{name}\" already set in map", (int)key.Start.Line, (int)key.Start.Column);
                }
                var keyWeight = Weigh(name);
                _written += keyWeight;
                var (value, valueWeight) = ReadValue(FieldPath.Child(path, name), depth + 1, positions);
                obj[name] = value;
                weight += keyWeight + valueWeight;
            }
            return (obj, weight);
        }

        private (JsonNode?, long) Expand(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                throw new ManifestException($"unknown anchor \"{alias.Value.Value}\" referenced", (int)alias.Start.Line, (int)alias.Start.Column);
            }
            _expanded += anchored.Weight;
            if (_expanded > YamlLimits.AliasExpansionAllowance + _written)
            {
                throw new ManifestException(
                    $"document contains excessive aliasing: its aliases expand to more than {YamlLimits.AliasExpansionAllowance.ToString("N0", CultureInfo.InvariantCulture)} values beyond what is written out; write the repeated parts out or use fewer aliases",
                    (int)alias.Start.Line,
                    (int)alias.Start.Column);
            }
            var copy = anchored.Value?.DeepClone();
            if (typedScalarTexts is not null)
            {
                CopyTypedScalarTexts(anchored.Value, copy);
            }
            return (copy, anchored.Weight);
        }

        private JsonNode? Convert(Scalar scalar)
        {
            var value = ConvertScalar(scalar);
            if (typedScalarTexts is not null && value is JsonValue typed && typed.GetValueKind() is not JsonValueKind.String)
            {
                typedScalarTexts[typed] = scalar.Value;
            }
            return value;
        }

        // A copy made for an alias has the same shape as its original.
        private void CopyTypedScalarTexts(JsonNode? original, JsonNode? copy)
        {
            switch (original, copy)
            {
                case (JsonValue value, JsonValue copied) when typedScalarTexts!.TryGetValue(value, out var text):
                    typedScalarTexts[copied] = text;
                    break;
                case (JsonArray array, JsonArray copied):
                    for (var i = 0; i < array.Count; i++)
                    {
                        CopyTypedScalarTexts(array[i], copied[i]);
                    }
                    break;
                case (JsonObject obj, JsonObject copied):
                    foreach (var (key, child) in obj)
                    {
                        CopyTypedScalarTexts(child, copied[key]);
                    }
                    break;
            }
        }

        private void Remember(AnchorName anchor, JsonNode? value, long weight, string? text)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (value, weight, text);
            }
        }

        private static long Weigh(string text) => 1 + (text.Length / CharactersPerValue);
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        var text = scalar.Value;
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
