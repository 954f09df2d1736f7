using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PSKube.Client.Models;

namespace PSKube.Client.Transport;

/// <summary>
/// Reads a Kubernetes list response ({"kind":..., "metadata":{...}, "items":[...]}) from a stream and hands out
/// each item as soon as its bytes have arrived, so a large list is never held whole in memory.
/// The list's metadata (resourceVersion, continue) is available once the stream is read.
/// </summary>
internal sealed class JsonListReader<T>(Stream stream, JsonTypeInfo<T> itemType)
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _filled;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase = Phase.Start;

    private enum Phase
    {
        Start,
        Properties,
        Items,
        Done,
    }

    public ListMeta? Metadata { get; private set; }

    public async IAsyncEnumerable<T> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ready = new List<T>();
        try
        {
            while (_phase != Phase.Done)
            {
                if (!_final)
                {
                    if (_filled == _buffer.Length)
                    {
                        Grow();
                    }
                    var read = await stream.ReadAsync(_buffer.AsMemory(_filled), cancellationToken);
                    _filled += read;
                    _final = read == 0;
                }
                var consumed = Parse(ready);
                foreach (var item in ready)
                {
                    yield return item;
                }
                ready.Clear();
                Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _filled - consumed);
                _filled -= consumed;
                if (_final && _phase != Phase.Done)
                {
                    throw new JsonException("The list response ended before it was complete.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Walks as far as the buffered bytes allow; returns how many bytes were fully used.</summary>
    private int Parse(List<T> ready)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _final, _state);
        var consumed = 0;
        // Each pass reads one token; a value that is not all here yet rewinds to before it.
        while (_phase != Phase.Done)
        {
            var checkpoint = reader.CurrentState;
            var start = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                break;
            }
            switch (_phase)
            {
                case Phase.Start when reader.TokenType == JsonTokenType.StartObject:
                    _phase = Phase.Properties;
                    break;
                case Phase.Start:
                    throw new JsonException("A list response must be a JSON object.");
                case Phase.Properties when reader.TokenType == JsonTokenType.EndObject:
                    _phase = Phase.Done;
                    break;
                case Phase.Properties when reader.TokenType == JsonTokenType.PropertyName:
                    var isItems = reader.ValueTextEquals("items"u8);
                    var isMetadata = reader.ValueTextEquals("metadata"u8);
                    if (!reader.Read())
                    {
                        return Rewind(checkpoint, start);
                    }
                    if (isItems && reader.TokenType == JsonTokenType.StartArray)
                    {
                        _phase = Phase.Items;
                        break;
                    }
                    var valueStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return Rewind(checkpoint, start);
                    }
                    if (isMetadata)
                    {
                        Metadata = JsonSerializer.Deserialize(_buffer.AsSpan(valueStart, (int)reader.BytesConsumed - valueStart), KubeJson.TypeInfo<ListMeta>());
                    }
                    break;
                case Phase.Items when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.Properties;
                    break;
                case Phase.Items:
                    var itemStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return Rewind(checkpoint, start);
                    }
                    ready.Add(JsonSerializer.Deserialize(_buffer.AsSpan(itemStart, (int)reader.BytesConsumed - itemStart), itemType)!);
                    break;
                default:
                    throw new JsonException($"Unexpected {reader.TokenType} in a list response.");
            }
            consumed = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }
        return consumed;
    }

    // The value is not complete yet: continue from before its token once more bytes arrive.
    private int Rewind(JsonReaderState checkpoint, int start)
    {
        _state = checkpoint;
        return start;
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        Buffer.BlockCopy(_buffer, 0, bigger, 0, _filled);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
