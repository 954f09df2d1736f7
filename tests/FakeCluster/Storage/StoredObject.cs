using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Storage;

/// <summary>
/// One version of a stored object, never changed once stored: its key (namespace/name), its JSON, and the same JSON
/// as a tree that every reader shares. Nobody may change <see cref="Object"/>; <see cref="Copy"/> gives a private
/// tree to change.
/// </summary>
public sealed class StoredObject
{
    private readonly byte[] _json;

    private StoredObject(string key, byte[] json)
    {
        Key = key;
        _json = json;
        Object = json.Length == 0 ? [] : Materialized(JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>namespace/name for namespaced objects, name otherwise: the order lists come in.</summary>
    public string Key { get; }

    /// <summary>The shared tree: read it (from any thread), never change it.</summary>
    public JsonObject Object { get; }

    /// <summary>The object's JSON as stored, for readers that decode it into something else.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>A private tree of this version, parsed from its JSON (parts are only built when read).</summary>
    public JsonObject Copy() => JsonNode.Parse(_json)!.AsObject();

    /// <summary>
    /// Stores <paramref name="obj"/> as it is, with <paramref name="resourceVersion"/> in its metadata, without
    /// changing it. Going through JSON makes every value JSON-backed, as if it came off the wire, so numbers read
    /// back uniformly whatever CLR type the code that built them used.
    /// </summary>
    internal static StoredObject Stamp(string key, JsonObject obj, long resourceVersion)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var hasMetadata = false;
            foreach (var (name, value) in obj)
            {
                writer.WritePropertyName(name);
                if (name == "metadata" && value is JsonObject metadata)
                {
                    hasMetadata = true;
                    WriteMetadata(writer, metadata, resourceVersion);
                }
                else
                {
                    WriteValue(writer, value);
                }
            }
            if (!hasMetadata)
            {
                throw new InvalidOperationException("Stored objects have metadata.");
            }
            writer.WriteEndObject();
        }
        return new StoredObject(key, buffer.WrittenSpan.ToArray());
    }

    /// <summary>A key alone, to search a collection by.</summary>
    internal static StoredObject Probe(string key) => new(key, []);

    internal static int CompareKeys(StoredObject? left, StoredObject? right) =>
        string.CompareOrdinal(left?.Key, right?.Key);

    private static void WriteMetadata(Utf8JsonWriter writer, JsonObject metadata, long resourceVersion)
    {
        var version = resourceVersion.ToString(CultureInfo.InvariantCulture);
        var written = false;
        writer.WriteStartObject();
        foreach (var (name, value) in metadata)
        {
            writer.WritePropertyName(name);
            if (name == "resourceVersion")
            {
                writer.WriteStringValue(version);
                written = true;
            }
            else
            {
                WriteValue(writer, value);
            }
        }
        if (!written)
        {
            writer.WriteString("resourceVersion", version);
        }
        writer.WriteEndObject();
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

    // A parsed tree builds its nodes on first read, which is not safe from several threads at once: build them all
    // now, while only the writer holds it.
    private static JsonObject Materialized(JsonObject tree)
    {
        Materialize(tree);
        return tree;
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }
                break;
        }
    }
}
