using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>Reads <see cref="FieldsV1"/> as the bytes of its JSON value, without building a tree, and writes them back as they are.</summary>
public sealed class FieldsV1JsonConverter : JsonConverter<FieldsV1>
{
    public override FieldsV1 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A reader over one contiguous buffer (a span, or the serializer's buffer of a stream, which holds the whole
        // value before a converter runs) has the value's bytes from its first token to where Skip stops: copying them
        // costs a fraction of parsing them into a document, and the JSON was checked by the reader while skipping.
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.Position.GetObject() is null)
        {
            ref var start = ref MemoryMarshal.GetReference(reader.ValueSpan);
            var startIndex = reader.TokenStartIndex;
            reader.Skip();
            var length = checked((int)(reader.BytesConsumed - startIndex));
            return new FieldsV1(MemoryMarshal.CreateReadOnlySpan(ref start, length).ToArray());
        }

        // A value spread over several buffers, or a scalar (whose ValueSpan leaves out its quotes): parse it.
        return new FieldsV1(Encoding.UTF8.GetBytes(JsonElement.ParseValue(ref reader).GetRawText()));
    }

    public override void Write(Utf8JsonWriter writer, FieldsV1 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Utf8Json, skipInputValidation: true);
    }
}
