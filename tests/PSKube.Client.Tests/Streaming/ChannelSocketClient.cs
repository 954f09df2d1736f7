using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Streaming;

/// <summary>
/// A raw WebSocket client for the fake's channel protocols: connects with the fake's client certificate, records
/// every frame the server sends, and answers the server's close.
/// </summary>
internal sealed class ChannelSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly List<(byte Channel, byte[] Data)> _frames = [];
    private readonly Task _reader;

    private ChannelSocketClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = ReadLoopAsync();
    }

    public string? Subprotocol => _socket.SubProtocol;

    /// <summary>Every frame received so far, channel byte split off.</summary>
    public IReadOnlyList<(byte Channel, byte[] Data)> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public static async Task<ChannelSocketClient> ConnectAsync(FakeClusterServer cluster, string pathAndQuery, params string[] subprotocols)
    {
        var socket = Create(cluster, subprotocols);
        using var timeout = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(new Uri("wss://" + new Uri(cluster.Server).Authority + pathAndQuery), timeout.Token);
        return new ChannelSocketClient(socket);
    }

    /// <summary>The HTTP status of a handshake the server refuses.</summary>
    public static async Task<int> RefusedStatusAsync(FakeClusterServer cluster, string pathAndQuery, params string[] subprotocols)
    {
        using var socket = Create(cluster, subprotocols);
        using var timeout = new CancellationTokenSource(Deadline);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri("wss://" + new Uri(cluster.Server).Authority + pathAndQuery), timeout.Token));
        return (int)socket.HttpStatusCode;
    }

    public Task SendAsync(byte channel, string text) => SendAsync([channel, .. Encoding.UTF8.GetBytes(text)]);

    /// <summary>v5's half-close of a channel.</summary>
    public Task CloseChannelAsync(byte channel) => SendAsync([255, channel]);

    public async Task SendAsync(byte[] frame)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
    }

    /// <summary>The UTF-8 text of everything received on a channel.</summary>
    public string Text(byte channel) => Encoding.UTF8.GetString(Frames.Where(f => f.Channel == channel).SelectMany(f => f.Data).ToArray());

    /// <summary>Waits until the received frames satisfy <paramref name="condition"/>.</summary>
    public async Task WaitForAsync(Func<ChannelSocketClient, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition(this))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; frames so far: {Describe()}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the server to close the connection and returns every frame.</summary>
    public async Task<IReadOnlyList<(byte Channel, byte[] Data)>> ReadToEndAsync()
    {
        var finished = await Task.WhenAny(_reader, Task.Delay(Deadline));
        Assert.True(finished == _reader, $"The server did not close the connection; frames so far: {Describe()}");
        return Frames;
    }

    public string Describe() => string.Join(", ", Frames.Select(f => $"[{f.Channel}] {Encoding.UTF8.GetString(f.Data)}"));

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reader;
        _socket.Dispose();
    }

    private static ClientWebSocket Create(FakeClusterServer cluster, string[] subprotocols)
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 server && cluster.Authority.Issued(server);
        socket.Options.ClientCertificates = [cluster.ClientCertificate];
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var subprotocol in subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }
        return socket;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var frame = message.ToArray();
                    message.SetLength(0);
                    lock (_frames)
                    {
                        _frames.Add((frame[0], frame[1..]));
                    }
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted by the test or dropped by the server.
        }
    }
}
