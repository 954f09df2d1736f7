using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// One step of a field path as server-side apply records it. <see cref="Encoded"/> is the FieldsV1
/// key (<c>f:</c>, <c>k:</c>, <c>v:</c>, <c>i:</c>); <see cref="ToString"/> is the notation of conflict
/// messages (<c>.image</c>, <c>[name="nginx"]</c>, <c>[="a"]</c>, <c>[0]</c>).
/// </summary>
public sealed class FieldPathElement : IEquatable<FieldPathElement>, IComparable<FieldPathElement>
{
    // Go's encoder leaves non-ASCII and '+' alone, so the relaxed encoder gives the same key text.
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string? name;
    private readonly IReadOnlyList<KeyValuePair<string, JsonNode?>> keyFields = [];
    private readonly JsonNode? value;
    private readonly int index;

    private FieldPathElement(FieldPathElementKind kind, string encoded, string? name = null, IReadOnlyList<KeyValuePair<string, JsonNode?>>? keyFields = null, JsonNode? value = null, int index = 0)
    {
        Kind = kind;
        Encoded = encoded;
        this.name = name;
        this.keyFields = keyFields ?? [];
        this.value = value;
        this.index = index;
    }

    public FieldPathElementKind Kind { get; }

    /// <summary>The FieldsV1 key for this step.</summary>
    public string Encoded { get; }

    /// <summary>The field name of a <see cref="FieldPathElementKind.Field"/> step.</summary>
    public string? FieldName => name;

    public static FieldPathElement Field(string fieldName) => new(FieldPathElementKind.Field, "f:" + fieldName, name: fieldName);

    /// <summary>A map-list item; the key fields are sorted by name as the server does.</summary>
    public static FieldPathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())).ToArray();
        var json = new JsonObject();
        foreach (var (fieldName, fieldValue) in sorted)
        {
            json[fieldName] = fieldValue?.DeepClone();
        }

        return new FieldPathElement(FieldPathElementKind.Key, "k:" + json.ToJsonString(CompactJson), keyFields: sorted);
    }

    public static FieldPathElement Value(JsonNode? item) =>
        new(FieldPathElementKind.Value, "v:" + ToJson(item), value: item?.DeepClone());

    public static FieldPathElement Index(int position) =>
        new(FieldPathElementKind.Index, "i:" + position.ToString(CultureInfo.InvariantCulture), index: position);

    /// <summary>Reads a FieldsV1 key; returns null for <c>.</c> or an unknown prefix.</summary>
    public static FieldPathElement? Decode(string encoded)
    {
        if (encoded.Length < 2 || encoded[1] != ':')
        {
            return null;
        }

        var body = encoded[2..];
        try
        {
            return encoded[0] switch
            {
                'f' => Field(body),
                'k' when JsonNode.Parse(body) is JsonObject fields => Key(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))),
                'v' => Value(JsonNode.Parse(body)),
                'i' when int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var position) => Index(position),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the list item <paramref name="item"/> is the one this key or value step selects.</summary>
    public bool Selects(JsonNode? item, IReadOnlyDictionary<string, string> keyDefaults) => Kind switch
    {
        FieldPathElementKind.Key => item is JsonObject obj && keyFields.All(f => JsonNode.DeepEquals(KeyValue(obj, f.Key, keyDefaults), f.Value)),
        FieldPathElementKind.Value => JsonNode.DeepEquals(item, value),
        _ => false,
    };

    /// <summary>The value of key field <paramref name="field"/> in <paramref name="item"/>, or its server default.</summary>
    public static JsonNode? KeyValue(JsonObject item, string field, IReadOnlyDictionary<string, string> keyDefaults) =>
        item.TryGetPropertyValue(field, out var present) && present is not null
            ? present
            : keyDefaults.TryGetValue(field, out var fallback) ? JsonValue.Create(fallback) : null;

    public int CompareTo(FieldPathElement? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }

        return Kind switch
        {
            FieldPathElementKind.Field => string.CompareOrdinal(name, other.name),
            FieldPathElementKind.Key => CompareKeys(keyFields, other.keyFields),
            FieldPathElementKind.Value => CompareValues(value, other.value),
            _ => index.CompareTo(other.index),
        };
    }

    public bool Equals(FieldPathElement? other) => other is not null && Encoded == other.Encoded;

    public override bool Equals(object? obj) => Equals(obj as FieldPathElement);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Encoded);

    public override string ToString() => Kind switch
    {
        FieldPathElementKind.Field => "." + name,
        FieldPathElementKind.Key => "[" + string.Join(',', keyFields.Select(f => $"{f.Key}={Display(f.Value)}")) + "]",
        FieldPathElementKind.Value => "[=" + Display(value) + "]",
        _ => "[" + index.ToString(CultureInfo.InvariantCulture) + "]",
    };

    private static string ToJson(JsonNode? node) => node?.ToJsonString(CompactJson) ?? "null";

    // Conflict messages print strings quoted (Go's %q) and other scalars bare.
    private static string Display(JsonNode? node) => ToJson(node);

    private static decimal NumberOf(JsonNode number) =>
        decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;

    private static int CompareKeys(IReadOnlyList<KeyValuePair<string, JsonNode?>> left, IReadOnlyList<KeyValuePair<string, JsonNode?>> right)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var byName = string.CompareOrdinal(left[i].Key, right[i].Key);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = CompareValues(left[i].Value, right[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    private static int CompareValues(JsonNode? left, JsonNode? right)
    {
        var leftKind = left?.GetValueKind() ?? JsonValueKind.Null;
        var rightKind = right?.GetValueKind() ?? JsonValueKind.Null;
        if (leftKind == JsonValueKind.Number && rightKind == JsonValueKind.Number)
        {
            return NumberOf(left!).CompareTo(NumberOf(right!));
        }

        if (leftKind == JsonValueKind.String && rightKind == JsonValueKind.String)
        {
            return string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>());
        }

        return leftKind != rightKind ? leftKind.CompareTo(rightKind) : string.CompareOrdinal(ToJson(left), ToJson(right));
    }
}
