using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON the Kubernetes API server would hold after decoding it into its Go
/// type and encoding that as JSON: plain zero values are left out (<c>omitempty</c>), pointer fields are kept
/// whenever they were sent, and fields the tables do not list are skipped.
/// </summary>
internal static class ProtobufJsonDecoder
{
    public static JsonObject Decode(ReadOnlySpan<byte> data, ProtobufMessageType type)
    {
        // Values by field number. A singular field seen twice keeps its last value, as protobuf specifies.
        var values = new Dictionary<int, JsonNode?>();
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (!type.TryGetField(number, out var field))
            {
                reader.SkipField(wireType);
            }
            else if (field.Repeated)
            {
                ReadRepeated(ref reader, wireType, field, type, ListOf(values, number));
            }
            else if (field.Kind == ProtobufFieldKind.Map)
            {
                ExpectWireType(wireType, ProtobufWireType.LengthDelimited, type, field);
                ReadMapEntry(reader.ReadLengthDelimited(), field, type, MapOf(values, number));
            }
            else
            {
                ExpectWireType(wireType, field.WireType, type, field);
                values[number] = ReadValue(ref reader, field.Kind, field.MessageType);
            }
        }

        return ToJsonObject(type, values);
    }

    private static JsonObject ToJsonObject(ProtobufMessageType type, Dictionary<int, JsonNode?> values)
    {
        var result = new JsonObject();
        foreach (var field in type.Fields)
        {
            if (!values.TryGetValue(field.Number, out var value))
            {
                continue;
            }

            if (field.Kind == ProtobufFieldKind.InlineMessage)
            {
                MoveProperties((JsonObject)value!, result);
            }
            else if (value is not null && (field.Presence != ProtobufPresence.OmitEmpty || !IsEmpty(value)))
            {
                result[field.JsonName] = value;
            }
        }

        return result;
    }

    /// <summary>Moves every property of one object to the end of another (a node can have only one parent).</summary>
    public static void MoveProperties(JsonObject from, JsonObject to)
    {
        var properties = from.ToList();
        from.Clear();
        foreach (var (name, value) in properties)
        {
            to[name] = value;
        }
    }

    private static bool IsEmpty(JsonNode value) => value switch
    {
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.False => true,
            JsonValueKind.Number => value.ToJsonString() == "0",
            _ => false,
        },
    };

    /// <summary>Reads one value; null stands for a zero Time, which Go renders as null and we leave out.</summary>
    private static JsonNode? ReadValue(ref ProtobufReader reader, ProtobufFieldKind kind, string? messageType) => kind switch
    {
        ProtobufFieldKind.Int32 or ProtobufFieldKind.Int64 or ProtobufFieldKind.Bool => FromVarint(kind, reader.ReadVarint()),
        ProtobufFieldKind.String => JsonValue.Create(Encoding.UTF8.GetString(reader.ReadLengthDelimited())),
        ProtobufFieldKind.Bytes => JsonValue.Create(Convert.ToBase64String(reader.ReadLengthDelimited())),
        ProtobufFieldKind.Message or ProtobufFieldKind.InlineMessage =>
            Decode(reader.ReadLengthDelimited(), KubeProtobufSchema.Get(messageType!)),
        ProtobufFieldKind.IntOrString => ReadIntOrString(reader.ReadLengthDelimited()),
        ProtobufFieldKind.Time => ReadTime(reader.ReadLengthDelimited()),
        ProtobufFieldKind.Quantity => ReadQuantity(reader.ReadLengthDelimited()),
        _ => throw new InvalidOperationException($"Field kind {kind} cannot be read as a single value."),
    };

    // Go's decoder truncates an int32 varint to its low 32 bits (negative numbers arrive sign-extended to 64).
    private static JsonValue FromVarint(ProtobufFieldKind kind, ulong varint) => kind switch
    {
        ProtobufFieldKind.Int32 => JsonValue.Create(unchecked((int)varint)),
        ProtobufFieldKind.Int64 => JsonValue.Create(unchecked((long)varint)),
        _ => JsonValue.Create(varint != 0),
    };

    private static void ReadRepeated(
        ref ProtobufReader reader, ProtobufWireType wireType, ProtobufField field, ProtobufMessageType type, JsonArray list)
    {
        // Each element arrives as its own occurrence of the field; list elements are kept even when empty.
        ExpectWireType(wireType, field.WireType, type, field);
        list.Add(ReadValue(ref reader, field.Kind, field.MessageType));
    }

    private static void ReadMapEntry(ReadOnlySpan<byte> entry, ProtobufField field, ProtobufMessageType type, JsonObject map)
    {
        // An entry may omit its key or value; they then take their zero values.
        var key = string.Empty;
        JsonNode? value = null;
        var reader = new ProtobufReader(entry);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    ExpectWireType(wireType, ProtobufWireType.LengthDelimited, type, field);
                    key = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case 2:
                    ExpectWireType(wireType, ProtobufWireType.LengthDelimited, type, field);
                    value = ReadValue(ref reader, field.MapValueKind, messageType: null);
                    break;
                default:
                    reader.SkipField(wireType);
                    break;
            }
        }

        map[key] = value ?? JsonValue.Create(field.MapValueKind == ProtobufFieldKind.Quantity ? "0" : string.Empty);
    }

    private static JsonValue ReadIntOrString(ReadOnlySpan<byte> data)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = string.Empty;
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number, wireType)
            {
                case (1, ProtobufWireType.Varint):
                    type = unchecked((long)reader.ReadVarint());
                    break;
                case (2, ProtobufWireType.Varint):
                    intValue = unchecked((int)reader.ReadVarint());
                    break;
                case (3, ProtobufWireType.LengthDelimited):
                    stringValue = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.SkipField(wireType);
                    break;
            }
        }

        return type switch
        {
            0 => JsonValue.Create(intValue),
            1 => JsonValue.Create(stringValue),
            _ => throw new KubeProtobufException($"Invalid IntOrString: type {type} is neither 0 (int) nor 1 (string)."),
        };
    }

    /// <summary>
    /// Decodes a meta/v1 Time. Like the API server, an empty message means the zero time and nanoseconds are
    /// dropped: Kubernetes JSON carries whole seconds only.
    /// </summary>
    private static JsonValue? ReadTime(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        long seconds = 0;
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == 1 && wireType == ProtobufWireType.Varint)
            {
                seconds = unchecked((long)reader.ReadVarint());
            }
            else
            {
                reader.SkipField(wireType);
            }
        }

        DateTimeOffset time;
        try
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new KubeProtobufException($"Invalid Time: {seconds} seconds is outside years 1 to 9999.", exception);
        }

        return JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonValue ReadQuantity(ReadOnlySpan<byte> data)
    {
        // The zero Quantity prints as "0" in Go.
        var text = "0";
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == 1 && wireType == ProtobufWireType.LengthDelimited)
            {
                text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else
            {
                reader.SkipField(wireType);
            }
        }

        return JsonValue.Create(text.Length == 0 ? "0" : text);
    }

    private static JsonArray ListOf(Dictionary<int, JsonNode?> values, int number) =>
        values.TryGetValue(number, out var node) && node is JsonArray list ? list : (JsonArray)(values[number] = new JsonArray());

    private static JsonObject MapOf(Dictionary<int, JsonNode?> values, int number) =>
        values.TryGetValue(number, out var node) && node is JsonObject map ? map : (JsonObject)(values[number] = new JsonObject());

    private static void ExpectWireType(ProtobufWireType actual, ProtobufWireType expected, ProtobufMessageType type, ProtobufField field)
    {
        if (actual != expected)
        {
            throw new KubeProtobufException(
                $"Protobuf field {field.Number} of {type.Name} ({field.JsonName}) has wire type {actual}, expected {expected}.");
        }
    }
}
