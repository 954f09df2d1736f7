using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// The set of fields a managedFields entry owns (meta/v1 FieldsV1: <c>{"f:spec":{"f:replicas":{}}}</c>), kept as the
/// JSON the server sent and written back as it is. Every object of a list carries a few of these trees and almost no
/// caller reads them, so they stay bytes until one does: <see cref="ToJsonNode"/> parses a tree, ToString shows the JSON.
/// </summary>
[JsonConverter(typeof(FieldsV1JsonConverter))]
public sealed class FieldsV1
{
    private readonly byte[] _utf8Json;

    /// <summary>A set of fields from its JSON text; throws <see cref="JsonException"/> when the text is not one JSON value.</summary>
    public FieldsV1(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8Json = Encoding.UTF8.GetBytes(json);
        // Written back without a second check, so it must be valid JSON now.
        using (JsonDocument.Parse(utf8Json))
        {
        }
        _utf8Json = utf8Json;
    }

    // Bytes a JSON reader has already read as one complete value.
    internal FieldsV1(byte[] validUtf8Json) => _utf8Json = validUtf8Json;

    internal ReadOnlySpan<byte> Utf8Json => _utf8Json;

    /// <summary>The fields as a new JSON tree (an object for every set the API server writes), which the caller may change.</summary>
    public JsonNode? ToJsonNode() => JsonNode.Parse(_utf8Json);

    /// <summary>The JSON text as the server sent it.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8Json);
}
