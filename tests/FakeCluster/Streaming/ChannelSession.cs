using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// One accepted WebSocket carrying numbered channels, as the API server's and kubelet's channel protocols do: every
/// binary frame starts with its channel byte. Frames the client sends on the channels the endpoint reads are queued
/// per channel; with the v5 protocol a frame [255, n] closes channel n. Writes are serialized.
/// </summary>
public sealed class ChannelSession : IAsyncDisposable
{
    // How long the server waits for the client to answer its close frame, as the API server waits for the client
    // to read everything before hanging up; kept short because a fake needs no slow readers.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly bool _supportsStreamClose;
    private readonly Dictionary<byte, InboundStream> _inbound;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _aborted;
    private readonly CancellationTokenSource _ended;
    private Task _reader = Task.CompletedTask;

    private ChannelSession(WebSocket socket, string subprotocol, IEnumerable<byte> inboundChannels, CancellationTokenSource aborted)
    {
        _socket = socket;
        Subprotocol = subprotocol;
        _supportsStreamClose = subprotocol == StreamProtocols.V5;
        _inbound = inboundChannels.Distinct().ToDictionary(channel => channel, _ => new InboundStream());
        _aborted = aborted;
        _ended = CancellationTokenSource.CreateLinkedTokenSource(aborted.Token);
    }

    /// <summary>The negotiated subprotocol; empty when the client offered none.</summary>
    public string Subprotocol { get; }

    /// <summary>Cancelled when the client closes or drops the connection, or the server stops.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Completes the WebSocket handshake with <paramref name="subprotocol"/> and starts reading the client's frames.</summary>
    public static async Task<ChannelSession> AcceptAsync(HttpContext context, string subprotocol, IEnumerable<byte> inboundChannels, CancellationToken serverStopping)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = subprotocol.Length == 0 ? null : subprotocol });
        var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var session = new ChannelSession(socket, subprotocol, inboundChannels, aborted);
        session._reader = session.ReadLoopAsync();
        return session;
    }

    /// <summary>What the client sends on <paramref name="channel"/>, or null when this endpoint does not read that channel.</summary>
    public InboundStream? Inbound(byte channel) => _inbound.GetValueOrDefault(channel);

    /// <summary>Sends one frame on <paramref name="channel"/>; an empty <paramref name="data"/> still sends the channel byte.</summary>
    public async Task WriteAsync(byte channel, ReadOnlyMemory<byte> data)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsMemory(1));
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, _aborted.Token);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // The client is gone; whatever was still being written has nobody to read it.
            await _ended.CancelAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Ends the session as the API server does: the last message (if any) on the error channel, then the close
    /// frame, then a short wait for the client to close its side.
    /// </summary>
    public async Task FinishAsync(ReadOnlyMemory<byte>? errorChannelMessage)
    {
        if (errorChannelMessage is { } message)
        {
            await WriteAsync(StreamProtocols.Error, message);
        }
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _aborted.Token);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // Already gone.
        }
        finally
        {
            _writeLock.Release();
        }
        await Task.WhenAny(_reader, Task.Delay(CloseHandshakeTimeout, _aborted.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_reader.IsCompleted)
        {
            _socket.Abort();
        }
        await _reader;
        await _ended.CancelAsync();
        _socket.Dispose();
        _ended.Dispose();
        _aborted.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _aborted.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var frame = message.ToArray();
                message.SetLength(0);
                if (!Dispatch(frame))
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped connection or server stopping: the session ends like a close.
        }
        finally
        {
            foreach (var stream in _inbound.Values)
            {
                stream.Complete();
            }
            await _ended.CancelAsync();
        }
    }

    /// <summary>Routes one client frame; false ends the connection, as wsstream does on a malformed close signal.</summary>
    private bool Dispatch(byte[] frame)
    {
        if (frame.Length == 0)
        {
            return true;
        }
        if (_supportsStreamClose && frame[0] == StreamProtocols.StreamClose)
        {
            if (frame.Length != 2)
            {
                return false;
            }
            Inbound(frame[1])?.Complete();
            return true;
        }
        // Frames for channels the endpoint does not read are dropped, as wsstream does.
        if (frame.Length > 1 && Inbound(frame[0]) is { } stream)
        {
            stream.Deliver(frame[1..]);
        }
        return true;
    }
}
