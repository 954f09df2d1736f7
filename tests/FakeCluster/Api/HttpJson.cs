using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Api;

/// <summary>Reads and writes JSON bodies the way the API server does.</summary>
public static class HttpJson
{
    /// <summary>How responses write JSON (and the store its objects, so their bytes can go out as they are).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The API server compresses responses larger than this when the client accepts gzip.
    private const int CompressionThreshold = 128 * 1024;

    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json) =>
        WriteAsync(context, statusCode, writer => body.WriteTo(writer), contentType);

    /// <summary>
    /// Writes a list in the server's shape straight from the given objects, which it neither changes nor copies:
    /// the items carry no kind or apiVersion of their own.
    /// </summary>
    public static Task WriteListAsync(HttpContext context, string kind, string apiVersion, JsonObject listMeta, IEnumerable<JsonObject> items) =>
        WriteListAsync(context, kind, apiVersion, listMeta, items, (writer, item) =>
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
        });

    /// <summary>Writes a list of stored versions, copying their JSON as it is stored.</summary>
    public static Task WriteListAsync(HttpContext context, string kind, string apiVersion, JsonObject listMeta, IEnumerable<StoredObject> items) =>
        WriteListAsync(context, kind, apiVersion, listMeta, items, (writer, item) => item.WriteListItem(writer));

    /// <summary>Writes a body that <paramref name="write"/> writes as JSON (compressed when large, as the API server does).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, string contentType = MediaTypes.Json) =>
        WriteAsync(context, statusCode, [write], contentType);

    /// <summary>
    /// Writes a body whose JSON <paramref name="parts"/> write one after the other (a list's start, each item, its
    /// end), sending it on as it grows: a large list is never held whole. As the API server does, a body larger than
    /// <see cref="CompressionThreshold"/> is compressed when the client accepts gzip; a smaller one goes out as it is.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, IEnumerable<Action<Utf8JsonWriter>> parts, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Stream? body = null;
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                foreach (var part in parts)
                {
                    part(writer);
                    writer.Flush();
                    if (buffer.WrittenCount > CompressionThreshold)
                    {
                        body ??= OpenBody(context, compress: true);
                        await body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
                        buffer.ResetWrittenCount();
                    }
                }
            }
            body ??= OpenBody(context, compress: false);
            await body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        }
        finally
        {
            if (body is System.IO.Compression.GZipStream gzip)
            {
                await gzip.DisposeAsync();
            }
        }
    }

    private static Task WriteListAsync<T>(HttpContext context, string kind, string apiVersion, JsonObject listMeta, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem) =>
        WriteAsync(context, 200, ListParts(kind, apiVersion, listMeta, items, writeItem), MediaTypes.Json);

    private static IEnumerable<Action<Utf8JsonWriter>> ListParts<T>(string kind, string apiVersion, JsonObject listMeta, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        yield return writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind);
            writer.WriteString("apiVersion", apiVersion);
            writer.WritePropertyName("metadata");
            listMeta.WriteTo(writer);
            writer.WriteStartArray("items");
        };
        foreach (var item in items)
        {
            yield return writer => writeItem(writer, item);
        }
        yield return writer =>
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        };
    }

    // The body, once it is known to be large (compressed if the client accepts gzip) or to be complete and small.
    private static Stream OpenBody(HttpContext context, bool compress)
    {
        if (compress && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return new System.IO.Compression.GZipStream(context.Response.Body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
        }
        return context.Response.Body;
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
