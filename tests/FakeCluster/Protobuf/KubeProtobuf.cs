using System.Text;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Protobuf;

/// <summary>
/// Decodes request bodies sent as <c>application/vnd.kubernetes.protobuf</c> (what kubectl create deployment,
/// job and cronjob send): the magic bytes <c>k8s\0</c>, then a runtime.Unknown envelope
/// {1 typeMeta {1 apiVersion, 2 kind}, 2 raw object, 3 contentEncoding, 4 contentType}.
/// </summary>
public static class KubeProtobuf
{
    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Decodes a protobuf body into the JSON object the API server would store, apiVersion and kind included.</summary>
    /// <exception cref="KubeProtobufException">The body is malformed, truncated or of a kind this decoder does not cover.</exception>
    public static JsonObject DecodeObject(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new KubeProtobufException(
                "Not a Kubernetes protobuf body: it does not start with the 4 magic bytes 'k8s\\0'.");
        }

        var (apiVersion, kind, raw) = ReadEnvelope(body[Magic.Length..]);
        if (!KubeProtobufSchema.TopLevelKinds.TryGetValue((apiVersion, kind), out var messageName))
        {
            var supported = string.Join(", ", KubeProtobufSchema.TopLevelKinds.Keys
                .Select(key => $"{key.ApiVersion} {key.Kind}")
                .Order(StringComparer.Ordinal));
            throw new KubeProtobufException(
                $"Protobuf bodies of kind '{kind}' in '{apiVersion}' are not supported; send JSON instead. Supported kinds: {supported}.");
        }

        var decoded = ProtobufJsonDecoder.Decode(raw, KubeProtobufSchema.Get(messageName));
        var result = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
        };
        ProtobufJsonDecoder.MoveProperties(decoded, result);
        return result;
    }

    private static (string ApiVersion, string Kind, byte[] Raw) ReadEnvelope(ReadOnlySpan<byte> envelope)
    {
        var apiVersion = string.Empty;
        var kind = string.Empty;
        var raw = Array.Empty<byte>();
        var contentEncoding = string.Empty;
        var reader = new ProtobufReader(envelope);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number, wireType)
            {
                case (1, ProtobufWireType.LengthDelimited):
                    (apiVersion, kind) = ReadTypeMeta(reader.ReadLengthDelimited());
                    break;
                case (2, ProtobufWireType.LengthDelimited):
                    raw = reader.ReadLengthDelimited().ToArray();
                    break;
                case (3, ProtobufWireType.LengthDelimited):
                    contentEncoding = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    // contentType (4) is informational: the body is protobuf by its media type.
                    reader.SkipField(wireType);
                    break;
            }
        }

        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            throw new KubeProtobufException("The protobuf envelope has no apiVersion and kind (runtime.Unknown field 1).");
        }

        if (contentEncoding.Length != 0)
        {
            throw new KubeProtobufException($"Unsupported protobuf content encoding '{contentEncoding}': only unencoded objects are accepted.");
        }

        if (raw.Length == 0)
        {
            throw new KubeProtobufException($"The protobuf envelope for {kind} carries no object (runtime.Unknown field 2).");
        }

        return (apiVersion, kind, raw);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> typeMeta)
    {
        var apiVersion = string.Empty;
        var kind = string.Empty;
        var reader = new ProtobufReader(typeMeta);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number, wireType)
            {
                case (1, ProtobufWireType.LengthDelimited):
                    apiVersion = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case (2, ProtobufWireType.LengthDelimited):
                    kind = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.SkipField(wireType);
                    break;
            }
        }

        return (apiVersion, kind);
    }
}
