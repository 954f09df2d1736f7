using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// Reads any RFC 3339 timestamp and writes it in UTC with a fixed layout, as the API server does.
/// </summary>
public abstract class KubeTimestampJsonConverter(string utcFormat) : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var timestamp))
            {
                return timestamp;
            }

            // The reader rejects some valid RFC 3339 spellings (a lowercase 't' or 'z', a space separator).
            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
            {
                return timestamp;
            }
        }

        throw new JsonException($"Expected an RFC 3339 timestamp string, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            // Custom fraction specifiers truncate, matching Go's time formatting.
            writer.WriteStringValue(timestamp.UtcDateTime.ToString(utcFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
