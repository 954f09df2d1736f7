using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// A resource quantity (<c>cpu: 250m</c>, <c>memory: 1Gi</c>) as its text. The API server accepts a JSON number too
/// (<c>cpu: 32</c> in YAML, <c>nvidia.com/gpu: 1</c>) and answers with the canonical string, so a number is read as
/// its own text ("32", "0.5", "1e3" are quantities as they are) and written back as a string.
/// </summary>
public sealed class QuantityJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadQuantity(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    internal static string ReadQuantity(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"Expected a quantity (a string such as 250m or a number), got {reader.TokenType}."),
    };
}

/// <summary>A map of resource quantities (requests, limits, capacity, hard), each read as <see cref="QuantityJsonConverter"/> reads one.</summary>
public sealed class QuantityMapJsonConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a map of quantities, got {reader.TokenType}.");
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = QuantityJsonConverter.ReadQuantity(ref reader);
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (name, quantity) in value)
        {
            writer.WritePropertyName(name);
            writer.WriteStringValue(quantity);
        }
        writer.WriteEndObject();
    }
}
