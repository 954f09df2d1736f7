using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Storage;

/// <summary>
/// One version of a stored object, never changed once stored: its key (namespace/name), its JSON, and the same JSON
/// as a tree that every reader shares. Nobody may change <see cref="Object"/>; <see cref="Copy"/> gives a private
/// tree to change. The JSON is written as responses write it, so responses copy its bytes (or those of its
/// top-level fields) instead of writing the tree again.
/// </summary>
public sealed class StoredObject
{
    private readonly byte[] _json;
    private readonly (string Name, int Start, int Length)[] _fields;
    private object? _decoded;

    private StoredObject(string key, byte[] json)
        : this(key, json, json.Length == 0 ? [] : Materialized(JsonNode.Parse(json)!.AsObject()))
    {
    }

    private StoredObject(string key, byte[] json, JsonObject tree)
    {
        Key = key;
        _json = json;
        Object = tree;
        _fields = json.Length == 0 ? [] : TopLevelFields(json);
    }

    /// <summary>namespace/name for namespaced objects, name otherwise: the order lists come in.</summary>
    public string Key { get; }

    /// <summary>The shared tree: read it (from any thread), never change it.</summary>
    public JsonObject Object { get; }

    /// <summary>The object's JSON as stored, for readers that decode it into something else.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    /// <summary>A private tree of this version, parsed from its JSON (parts are only built when read).</summary>
    public JsonObject Copy() => JsonNode.Parse(_json)!.AsObject();

    /// <summary>The JSON of a top-level field (metadata, spec...), empty when the object has none.</summary>
    public ReadOnlyMemory<byte> Field(string name)
    {
        foreach (var field in _fields)
        {
            if (field.Name == name)
            {
                return _json.AsMemory(field.Start, field.Length);
            }
        }
        return default;
    }

    /// <summary>Writes the object as an item of a list, which carries kind and apiVersion for all its items.</summary>
    public void WriteListItem(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, start, length) in _fields)
        {
            if (name is "kind" or "apiVersion")
            {
                continue;
            }
            writer.WritePropertyName(name);
            writer.WriteRawValue(_json.AsSpan(start, length), skipInputValidation: true);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// This version decoded by <paramref name="decode"/> (a typed model to print), once: every later call gets the
    /// same instance, which its readers must not change.
    /// </summary>
    public T Decoded<T>(Func<ReadOnlyMemory<byte>, T> decode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (Volatile.Read(ref _decoded) is T decoded)
        {
            return decoded;
        }
        var fresh = decode(_json);
        return Interlocked.CompareExchange(ref _decoded, fresh, null) as T ?? fresh;
    }

    /// <summary>
    /// A version of an object that is not stored (a watch event's, which is a stored version's shared tree), to write
    /// as stored ones are written.
    /// </summary>
    public static StoredObject Of(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Api.HttpJson.WriterOptions))
        {
            obj.WriteTo(writer);
        }
        return new StoredObject("", buffer.WrittenSpan.ToArray(), obj);
    }

    /// <summary>
    /// Stores <paramref name="obj"/> as it is, with <paramref name="resourceVersion"/> in its metadata, without
    /// changing it. Going through JSON makes every value JSON-backed, as if it came off the wire, so numbers read
    /// back uniformly whatever CLR type the code that built them used.
    /// </summary>
    internal static StoredObject Stamp(string key, JsonObject obj, long resourceVersion)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Api.HttpJson.WriterOptions))
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

    private static (string Name, int Start, int Length)[] TopLevelFields(byte[] json)
    {
        var fields = new List<(string, int, int)>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            fields.Add((name, start, (int)reader.BytesConsumed - start));
        }
        return [.. fields];
    }

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
