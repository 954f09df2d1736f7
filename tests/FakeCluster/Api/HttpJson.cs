using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster.Api;

/// <summary>Reads and writes JSON bodies the way the API server does.</summary>
public static class HttpJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The API server compresses responses larger than this when the client accepts gzip.
    private const int CompressionThreshold = 128 * 1024;

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json) =>
        WriteAsync(context, statusCode, writer => body.WriteTo(writer), contentType);

    /// <summary>
    /// Writes a list in the server's shape straight from the given objects, which it neither changes nor copies:
    /// the items carry no kind or apiVersion of their own.
    /// </summary>
    public static Task WriteListAsync(HttpContext context, string kind, string apiVersion, JsonObject listMeta, IEnumerable<JsonObject> items) =>
        WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteString("apiVersion", apiVersion);
            writer.WritePropertyName("metadata");
            listMeta.WriteTo(writer);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in item)
                {
                    if (name is "kind" or "apiVersion")
                    {
                        continue;
                    }
                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }, MediaTypes.Json);

    /// <summary>Writes a body that <paramref name="write"/> writes as JSON (compressed when large, as the API server does).</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        if (buffer.WrittenCount > CompressionThreshold && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new System.IO.Compression.GZipStream(context.Response.Body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
            return;
        }
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>Writes one watch event (type and object, which it neither changes nor copies) as a line and pushes it to the client at once.</summary>
    public static Task WriteEventAsync(HttpContext context, string type, JsonNode obj, CancellationToken cancellationToken) =>
        WriteEventAsync(context, type, writer => obj.WriteTo(writer), cancellationToken);

    /// <summary>Writes one watch event whose object <paramref name="writeObject"/> writes, as a line, and pushes it to the client at once.</summary>
    public static async Task WriteEventAsync(HttpContext context, string type, Action<Utf8JsonWriter> writeObject, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            writeObject(writer);
            writer.WriteEndObject();
        }
        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    public static JsonNode? Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw StatusError.BadRequest($"error decoding request body: {e.Message}");
        }
    }
}
