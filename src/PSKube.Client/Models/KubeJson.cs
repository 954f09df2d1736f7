using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace PSKube.Client.Models;

/// <summary>Serializes models with <see cref="KubeJsonContext"/>, the only serializer configuration in the client.</summary>
public static class KubeJson
{
    public static JsonSerializerOptions Options => KubeJsonContext.Default.Options;

    public static JsonTypeInfo<T> TypeInfo<T>() =>
        KubeJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not registered in {nameof(KubeJsonContext)}.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>
    /// Any object as JSON: its model when it has one, else its generic fields (apiVersion, kind, metadata and the
    /// rest), which is all a <see cref="Resources.KubeTableObject"/> holds beyond the cells it shows.
    /// </summary>
    public static JsonNode? SerializeToNode(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return KubeJsonContext.Default.GetTypeInfo(obj.GetType()) is { } info
            ? JsonSerializer.SerializeToNode(obj, info)
            : JsonSerializer.SerializeToNode(
                new GenericKubeObject { ApiVersion = obj.ApiVersion, Kind = obj.Kind, Metadata = obj.Metadata, ExtensionData = obj.ExtensionData },
                KubeJsonContext.Default.GenericKubeObject);
    }

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, TypeInfo<T>());

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize(TypeInfo<T>());

    public static ValueTask<T?> DeserializeAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonSerializer.DeserializeAsync(utf8Json, TypeInfo<T>(), cancellationToken);
}
