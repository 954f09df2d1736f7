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

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body.WriteTo(writer);
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

    /// <summary>Writes one watch event as a line and pushes it to the client at once.</summary>
    public static async Task WriteLineAsync(HttpContext context, JsonNode body, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body.WriteTo(writer);
        }
        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
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
