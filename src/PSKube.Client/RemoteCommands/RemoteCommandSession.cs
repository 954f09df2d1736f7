using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using PSKube.Client.Models;

namespace PSKube.Client.RemoteCommands;

/// <summary>
/// One exec or attach over a WebSocket with the Kubernetes channel protocol: every binary frame starts with its
/// channel (0 stdin, 1 stdout, 2 stderr, 3 the ending Status, 4 terminal size). With <see cref="V5"/> the client can
/// half-close stdin (the frame [255, 0]), so a command that reads to the end of its input (cat) ends; with
/// <see cref="V4"/> it cannot, and such a command runs until it ends by itself or the session is cancelled.
/// Output is read as it comes; disposing (or cancelling the token given at connect) aborts the socket at once.
/// </summary>
public sealed class RemoteCommandSession : IAsyncDisposable
{
    /// <summary>v4 plus closing a stream: what kubectl 1.32 asks for first.</summary>
    public const string V5 = "v5.channel.k8s.io";

    /// <summary>The binary channel protocol of older servers, offered as the fallback.</summary>
    public const string V4 = "v4.channel.k8s.io";

    internal static readonly IReadOnlyList<string> Subprotocols = [V5, V4];

    private const byte StdinChannel = 0;
    private const byte ErrorChannel = 3;
    private const byte ResizeChannel = 4;
    private const byte CloseSignal = 255;

    // Input is cut into frames of at most this many bytes, so one large write does not hold the socket for long.
    private const int MaxInputFrame = 32 * 1024;

    private readonly WebSocket _socket;
    private readonly Channel<RemoteOutput> _output = Channel.CreateBounded<RemoteOutput>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
    private readonly MemoryStream _errorChannel = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop;
    private readonly Task _reader;
    private readonly TaskCompletionSource<RemoteCommandResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RemoteCommandSession(WebSocket socket, CancellationToken cancellationToken)
    {
        _socket = socket;
        Protocol = socket.SubProtocol ?? "";
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = ReadLoopAsync();
    }

    /// <summary>The subprotocol the server chose: <see cref="V5"/> or <see cref="V4"/>.</summary>
    public string Protocol { get; }

    /// <summary>Whether the end of input can be signalled without ending the session (v5).</summary>
    public bool CanCloseStdin => Protocol == V5;

    /// <summary>How the command ended; completes once the server has closed the session (or it was aborted).</summary>
    public Task<RemoteCommandResult> Completion => _result.Task;

    /// <summary>Completes when the first output arrives (the process runs and wrote something) or the session ends.</summary>
    public Task OutputStarted => _outputStarted.Task;

    /// <summary>The output frames as they arrive, until the server ends the session.</summary>
    public async IAsyncEnumerable<RemoteOutput> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _output.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_output.Reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Sends input to the process's stdin.</summary>
    public async Task WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < data.Length; offset += MaxInputFrame)
        {
            var piece = data.Slice(offset, Math.Min(MaxInputFrame, data.Length - offset));
            var frame = new byte[piece.Length + 1];
            frame[0] = StdinChannel;
            piece.CopyTo(frame.AsMemory(1));
            await SendAsync(frame, cancellationToken);
        }
    }

    /// <summary>
    /// Signals the end of input (v5), so the process reads end-of-file; false on v4, which has no such signal (the
    /// process sees the end of its input only when the connection closes, which also ends the session).
    /// </summary>
    public async Task<bool> CloseInputAsync(CancellationToken cancellationToken)
    {
        if (!CanCloseStdin)
        {
            return false;
        }
        await SendAsync([CloseSignal, StdinChannel], cancellationToken);
        return true;
    }

    /// <summary>Tells the process's terminal its size in columns and rows.</summary>
    public Task ResizeAsync(int width, int height, CancellationToken cancellationToken)
    {
        var json = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"Width\":{Math.Max(0, width)},\"Height\":{Math.Max(0, height)}}}");
        return SendAsync([ResizeChannel, .. Encoding.UTF8.GetBytes(json)], cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        await _reader;
        _socket.Dispose();
        _stop.Dispose();
        _writeLock.Dispose();
        _errorChannel.Dispose();
    }

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await _writeLock.WaitAsync(linked.Token);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, linked.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        Exception? failure = null;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the server's close, as a well-behaved client does; it ends the session on both sides.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _stop.Token);
                    break;
                }
                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    await DispatchAsync(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Aborted or dropped: the result says no Status came, unless one did before.
            failure = _stop.IsCancellationRequested ? new OperationCanceledException(_stop.Token) : null;
        }
        _output.Writer.TryComplete(failure);
        _result.TrySetResult(RemoteCommandResult.From(ErrorStatus()));
        _outputStarted.TrySetResult();
    }

    private async Task DispatchAsync(byte[] frame)
    {
        if (frame.Length < 2)
        {
            // The first, empty frame only says the session is up.
            return;
        }
        var data = frame.AsMemory(1);
        switch (frame[0])
        {
            case (byte)RemoteStream.Stdout or (byte)RemoteStream.Stderr:
                _outputStarted.TrySetResult();
                await _output.Writer.WriteAsync(new RemoteOutput((RemoteStream)frame[0], data), _stop.Token);
                break;
            case ErrorChannel:
                _errorChannel.Write(data.Span);
                break;
        }
    }

    private Status? ErrorStatus()
    {
        if (_errorChannel.Length == 0)
        {
            return null;
        }
        try
        {
            return KubeJson.Deserialize<Status>(Encoding.UTF8.GetString(_errorChannel.ToArray()));
        }
        catch (System.Text.Json.JsonException)
        {
            // Old servers wrote plain text there.
            return new Status { StatusValue = "Failure", Message = Encoding.UTF8.GetString(_errorChannel.ToArray()).Trim() };
        }
    }
}
