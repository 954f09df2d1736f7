using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;

namespace PSKube.FakeCluster.Streaming.Spdy;

/// <summary>
/// Serves port-forward over one SPDY/3.1 connection, as the kubelet does behind the API server: the client opens a
/// pair of streams per forwarded connection, an error stream and a data stream, whose headers name the stream type,
/// the port and a request id that pairs them. Every stream the client opens is accepted with a SYN_REPLY; once a pair
/// is complete the data stream carries the bytes both ways and the error stream a message if the port cannot be
/// reached; the server ends both streams (FIN) when the connection it forwards to is done. PINGs are answered; SPDY
/// flow control is not enforced (Go's spdystream, kubectl's side, does not use it).
/// </summary>
public sealed class SpdyPortForwardSession : IAsyncDisposable
{
    private const ushort Version = 3;
    private const ushort SynStream = 1;
    private const ushort SynReply = 2;
    private const ushort RstStream = 3;
    private const ushort Ping = 6;
    private const ushort GoAway = 7;
    private const ushort Headers = 8;
    private const byte FinFlag = 0x01;
    private const int MaxDataFrame = 64 * 1024;

    private readonly Stream _transport;
    private readonly Func<ushort, PortConnection> _connect;
    private readonly SpdyHeaderEncoder _encoder = new();
    private readonly SpdyHeaderDecoder _decoder = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<uint, SpdyStream> _streams = [];
    private readonly Dictionary<string, (SpdyStream? Data, SpdyStream? Error)> _pairs = new(StringComparer.Ordinal);
    private readonly List<Task> _forwards = [];
    private readonly CancellationTokenSource _ended;

    /// <param name="transport">The connection's bytes: an upgraded HTTP connection, or a WebSocket's binary messages.</param>
    /// <param name="connect">What a port of the pod leads to.</param>
    /// <param name="stopping">Ends the session (the server stops or the client's request is aborted).</param>
    public SpdyPortForwardSession(Stream transport, Func<ushort, PortConnection> connect, CancellationToken stopping)
    {
        _transport = transport;
        _connect = connect;
        _ended = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>Reads the client's frames until it goes away (GOAWAY, close, or a dropped connection), then ends every forward.</summary>
    public async Task RunAsync()
    {
        try
        {
            while (await ReadFrameAsync())
            {
            }
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or OperationCanceledException or WebSocketException or InvalidDataException)
        {
            // The client is gone or spoke something else; either way the session is over.
        }
        finally
        {
            await _ended.CancelAsync();
            List<Task> forwards;
            lock (_streams)
            {
                foreach (var stream in _streams.Values)
                {
                    stream.Inbound.Complete();
                }
                forwards = [.. _forwards];
            }
            await Task.WhenAll(forwards);
        }
    }

    private async Task<bool> ReadFrameAsync()
    {
        var head = new byte[8];
        await _transport.ReadExactlyAsync(head, _ended.Token);
        var flags = head[4];
        var body = new byte[(head[5] << 16) | (head[6] << 8) | head[7]];
        await _transport.ReadExactlyAsync(body, _ended.Token);
        var fin = (flags & FinFlag) != 0;
        if ((head[0] & 0x80) == 0)
        {
            OnData(BinaryPrimitives.ReadUInt32BigEndian(head) & 0x7fffffff, body, fin);
            return true;
        }
        switch (BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(2)))
        {
            case SynStream:
                await OnSynStreamAsync(StreamId(body), _decoder.Decode(body.AsSpan(10)), fin);
                break;
            case SynReply or Headers:
                // Nothing to act on, but the block must still pass through the decoder to keep its state in step.
                _decoder.Decode(body.AsSpan(4));
                break;
            case RstStream:
                OnReset(StreamId(body));
                break;
            case Ping when (BinaryPrimitives.ReadUInt32BigEndian(body) & 1) == 1:
                await WriteFrameAsync(ControlFrame(Ping, 0, body));
                break;
            case GoAway:
                return false;
        }
        return true;
    }

    private static uint StreamId(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadUInt32BigEndian(body) & 0x7fffffff;

    private async Task OnSynStreamAsync(uint id, List<KeyValuePair<string, string>> headers, bool fin)
    {
        await WriteFrameAsync(ControlFrame(SynReply, 0, [.. BigEndian(id), .. _encoder.Encode([])]));
        var stream = new SpdyStream(id, _ended.Token);
        if (fin)
        {
            stream.Inbound.Complete();
        }
        string Header(string name) => headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
        var requestId = Header("requestid");
        lock (_streams)
        {
            _streams[id] = stream;
            var pair = _pairs.GetValueOrDefault(requestId);
            pair = Header("streamtype") == "error" ? pair with { Error = stream } : pair with { Data = stream };
            if (pair is { Data: { } data, Error: { } error })
            {
                _pairs.Remove(requestId);
                _forwards.Add(ForwardAsync(data, error, Header("port")));
            }
            else
            {
                _pairs[requestId] = pair;
            }
        }
    }

    private void OnData(uint id, byte[] data, bool fin)
    {
        SpdyStream? stream;
        lock (_streams)
        {
            stream = _streams.GetValueOrDefault(id);
        }
        if (stream is null)
        {
            return;
        }
        if (data.Length > 0)
        {
            stream.Inbound.Deliver(data);
        }
        if (fin)
        {
            stream.Inbound.Complete();
        }
    }

    private void OnReset(uint id)
    {
        lock (_streams)
        {
            if (_streams.Remove(id, out var stream))
            {
                stream.Reset();
            }
        }
    }

    /// <summary>One forwarded connection: the port's server on the data stream, or the refusal on the error stream; then both end.</summary>
    private async Task ForwardAsync(SpdyStream data, SpdyStream error, string portHeader)
    {
        await Task.Yield();
        try
        {
            if (!ushort.TryParse(portHeader, out var port) || port == 0)
            {
                await WriteDataAsync(error, Encoding.UTF8.GetBytes($"invalid port header \"{portHeader}\""), fin: false);
                return;
            }
            var connection = _connect(port);
            if (connection.Refusal is { } refusal)
            {
                await WriteDataAsync(error, Encoding.UTF8.GetBytes(refusal), fin: false);
                return;
            }
            await connection.Serve!(data.Inbound.ReadAsync, bytes => WriteDataAsync(data, bytes, fin: false), data.Ended);
        }
        catch (OperationCanceledException)
        {
            // The client reset the stream or left.
        }
        finally
        {
            await WriteDataAsync(data, [], fin: true);
            await WriteDataAsync(error, [], fin: true);
            lock (_streams)
            {
                _streams.Remove(data.Id);
                _streams.Remove(error.Id);
            }
        }
    }

    private async Task WriteDataAsync(SpdyStream stream, byte[] data, bool fin)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(MaxDataFrame, data.Length - offset);
            var last = offset + length == data.Length;
            if (stream.Ended.IsCancellationRequested)
            {
                return;
            }
            var frame = new byte[8 + length];
            BinaryPrimitives.WriteUInt32BigEndian(frame, stream.Id);
            frame[4] = fin && last ? FinFlag : (byte)0;
            WriteLength(frame, length);
            data.AsSpan(offset, length).CopyTo(frame.AsSpan(8));
            await WriteFrameAsync(frame);
            offset += length;
        }
        while (offset < data.Length);
    }

    private static byte[] ControlFrame(ushort type, byte flags, byte[] body)
    {
        var frame = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8000 | Version);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), type);
        frame[4] = flags;
        WriteLength(frame, body.Length);
        body.CopyTo(frame, 8);
        return frame;
    }

    private static void WriteLength(byte[] frame, int length)
    {
        frame[5] = (byte)(length >> 16);
        frame[6] = (byte)(length >> 8);
        frame[7] = (byte)length;
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private async Task WriteFrameAsync(byte[] frame)
    {
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            if (!_ended.IsCancellationRequested)
            {
                await _transport.WriteAsync(frame, _ended.Token);
                await _transport.FlushAsync(_ended.Token);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client is gone; nobody reads what was left to write.
            await _ended.CancelAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _encoder.Dispose();
        _decoder.Dispose();
        _ended.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One stream the client opened: what it sends, and whether it reset the stream or the session ended.</summary>
    private sealed class SpdyStream(uint id, CancellationToken sessionEnded)
    {
        private readonly CancellationTokenSource _ended = CancellationTokenSource.CreateLinkedTokenSource(sessionEnded);

        public uint Id { get; } = id;

        public InboundStream Inbound { get; } = new();

        public CancellationToken Ended => _ended.Token;

        public void Reset()
        {
            Inbound.Complete();
            _ended.Cancel();
        }
    }
}

/// <summary>What one port of a pod leads to: a server of the forwarded bytes, or the runtime's refusal.</summary>
public sealed record PortConnection(PortServer? Serve, string? Refusal);

/// <summary>Serves one forwarded connection: reads what the client sends (null at its end), writes the answers.</summary>
public delegate Task PortServer(Func<CancellationToken, ValueTask<byte[]?>> read, Func<byte[], Task> write, CancellationToken cancellationToken);
