using System.Text.Json;
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

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, TypeInfo<T>());

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize(TypeInfo<T>());

    public static ValueTask<T?> DeserializeAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonSerializer.DeserializeAsync(utf8Json, TypeInfo<T>(), cancellationToken);
}
