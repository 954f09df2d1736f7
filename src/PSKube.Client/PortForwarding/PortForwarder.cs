using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using PSKube.Client.Transport;

namespace PSKube.Client.PortForwarding;

/// <summary>
/// One local port forwarded to a container port, as kubectl port-forward runs it: a TCP listener, and for every
/// accepted connection its own stream to the pod. The stream is the kubelet's WebSocket port-forward protocol
/// (<c>v4.channel.k8s.io</c>, which the API server proxies to the kubelet as it is): channel 0 carries the data both
/// ways, channel 1 the kubelet's error for that connection, and each starts with the port as two bytes. When a
/// stream cannot be opened because the pod went away, a forward made from a service or workload moves to another
/// pod of it; one made to a pod fails (state Failed, with the reason). Stopping closes the listener and every
/// connection and returns once they are all gone.
/// </summary>
public sealed class PortForwarder : IAsyncDisposable
{
    /// <summary>The WebSocket subprotocol of the kubelet's port-forward.</summary>
    public const string Subprotocol = "v4.channel.k8s.io";

    // How long a connection whose local side has closed waits for the rest of the pod's answer.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(1);

    private readonly Func<string, CancellationToken, Task<WebSocket>> _connect;
    private readonly Func<PortForwardEndpoint, CancellationToken, Task<string?>> _whyUnreachable;
    private readonly Func<CancellationToken, Task<PortForwardEndpoint>>? _retarget;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<PortForwardNotice> _notices = Channel.CreateBounded<PortForwardNotice>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly ConcurrentDictionary<long, Task> _open = new();
    private readonly SemaphoreSlim _retargetLock = new(1, 1);
    private readonly Task _accepting;
    private long _connections;
    private PortForwardEndpoint _endpoint;
    private string? _failure;

    private PortForwarder(
        TcpListener listener,
        PortForwardEndpoint endpoint,
        Func<string, CancellationToken, Task<WebSocket>> connect,
        Func<PortForwardEndpoint, CancellationToken, Task<string?>> whyUnreachable,
        Func<CancellationToken, Task<PortForwardEndpoint>>? retarget)
    {
        _listener = listener;
        _endpoint = endpoint;
        _connect = connect;
        _whyUnreachable = whyUnreachable;
        _retarget = retarget;
        LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// Listens on <paramref name="address"/>:<paramref name="localPort"/> (0: a free port) and forwards each connection.
    /// </summary>
    /// <param name="connect">Opens a WebSocket to an API path with <see cref="Subprotocol"/>.</param>
    /// <param name="whyUnreachable">Why the endpoint's pod can no longer be forwarded to (deleted, not running), or null when it still can.</param>
    /// <param name="retarget">Finds another pod when the current one went away; null when the forward is to one pod.</param>
    /// <exception cref="SocketException">The local port cannot be listened on (in use, not permitted).</exception>
    public static PortForwarder Start(
        IPAddress address,
        int localPort,
        PortForwardEndpoint endpoint,
        Func<string, CancellationToken, Task<WebSocket>> connect,
        Func<PortForwardEndpoint, CancellationToken, Task<string?>> whyUnreachable,
        Func<CancellationToken, Task<PortForwardEndpoint>>? retarget)
    {
        ArgumentNullException.ThrowIfNull(address);
        var listener = new TcpListener(address, localPort);
        listener.Start();
        return new PortForwarder(listener, endpoint, connect, whyUnreachable, retarget);
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The pod and container port connections go to now.</summary>
    public PortForwardEndpoint Endpoint => Volatile.Read(ref _endpoint);

    public PortForwardState State => !_accepting.IsCompleted ? PortForwardState.Running
        : _failure is null ? PortForwardState.Stopped : PortForwardState.Failed;

    /// <summary>Why the forward failed, when it did.</summary>
    public string? Failure => _failure;

    /// <summary>The connections being forwarded now.</summary>
    public int ActiveConnections => _open.Count;

    /// <summary>The connections accepted since the start.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Takes the next thing the forward reported, if any (the latest 256 are kept).</summary>
    public bool TryReadNotice([MaybeNullWhen(false)] out PortForwardNotice notice) => _notices.Reader.TryRead(out notice);

    /// <summary>Waits until there is a notice to read; false once the forward has ended and all were read.</summary>
    public ValueTask<bool> WaitForNoticeAsync(CancellationToken cancellationToken) => _notices.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Completes when the forward has ended (stopped or failed) and every connection is closed.</summary>
    public Task Completion => _accepting;

    /// <summary>Stops listening, closes every forwarded connection and waits until they are all gone.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _retargetLock.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var id = Interlocked.Increment(ref _connections);
                Notice(PortForwardNoticeKind.Connection, $"Handling connection for {LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)}");
                var forwarding = ForwardAsync(client);
                _open[id] = forwarding;
                _ = forwarding.ContinueWith(_ => _open.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException
            || (error is InvalidOperationException && _stop.IsCancellationRequested))
        {
            // Stopped (or failed): the listener is closed; stopped before the first accept began, it says "Not listening".
        }
        finally
        {
            _listener.Stop();
            await _stop.CancelAsync();
            await Task.WhenAll(_open.Values);
            _notices.Writer.TryComplete();
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var _ = client;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        try
        {
            client.NoDelay = true;
            using var socket = await OpenAsync(connection.Token);
            if (socket is not null)
            {
                await PumpAsync(client.GetStream(), socket, connection);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException or WebSocketException)
        {
            // Stopped, or one side dropped the connection.
        }
    }

    /// <summary>Opens the stream for one connection, moving to another pod first when the current one went away.</summary>
    private async Task<WebSocket?> OpenAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var endpoint = Endpoint;
            try
            {
                return await _connect(PathOf(endpoint), cancellationToken);
            }
            catch (Exception error) when (error is KubeApiException or KubeApiUnreachableException or WebSocketException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var reason = await WhyUnreachableAsync(endpoint, cancellationToken);
                if (reason is null)
                {
                    Notice(PortForwardNoticeKind.ConnectionError, $"Could not open a stream to pod {endpoint.Pod}: {error.Message}");
                    return null;
                }
                if (_retarget is null || attempt > 0 || !await RetargetAsync(endpoint, reason, cancellationToken))
                {
                    Fail(reason);
                    return null;
                }
            }
        }
        return null;
    }

    private async Task<string?> WhyUnreachableAsync(PortForwardEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await _whyUnreachable(endpoint, cancellationToken);
        }
        catch (Exception error) when (error is KubeApiException or KubeApiUnreachableException or HttpRequestException)
        {
            return null;
        }
    }

    private async Task<bool> RetargetAsync(PortForwardEndpoint gone, string reason, CancellationToken cancellationToken)
    {
        await _retargetLock.WaitAsync(cancellationToken);
        try
        {
            if (Endpoint != gone)
            {
                // Another connection moved the forward already.
                return true;
            }
            var next = await _retarget!(cancellationToken);
            Volatile.Write(ref _endpoint, next);
            Notice(PortForwardNoticeKind.Retargeted, $"{reason}; forwarding to pod {next.Pod} port {next.RemotePort.ToString(CultureInfo.InvariantCulture)} now");
            return true;
        }
        catch (Exception error) when (error is KubePortForwardException or KubeApiException or KubeApiUnreachableException)
        {
            Fail($"{reason}, and no other pod can take its place: {error.Message}");
            return false;
        }
        finally
        {
            _retargetLock.Release();
        }
    }

    private void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is null)
        {
            Notice(PortForwardNoticeKind.Failed, $"Stopped forwarding {LocalEndPoint}: {reason}");
            _stop.Cancel();
            _listener.Stop();
        }
    }

    private static string PathOf(PortForwardEndpoint endpoint) =>
        $"/api/v1/namespaces/{Uri.EscapeDataString(endpoint.Namespace)}/pods/{Uri.EscapeDataString(endpoint.Pod)}/portforward?ports={endpoint.RemotePort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Copies both ways until the pod's side ends, or the local side ends and the pod has answered what it was sent.</summary>
    private async Task PumpAsync(NetworkStream local, WebSocket remote, CancellationTokenSource connection)
    {
        var errors = new StringBuilder();
        var upstream = CopyToPodAsync(local, remote, connection.Token);
        var downstream = CopyFromPodAsync(remote, local, errors, connection.Token);
        if (await Task.WhenAny(upstream, downstream) == upstream)
        {
            await Task.WhenAny(downstream, Task.Delay(DrainTimeout, connection.Token));
        }
        await connection.CancelAsync();
        remote.Abort();
        local.Close();
        await Task.WhenAll(upstream, downstream);
        if (errors.Length > 0)
        {
            var endpoint = Endpoint;
            Notice(PortForwardNoticeKind.ConnectionError, $"An error occurred forwarding {LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)} -> {endpoint.RemotePort.ToString(CultureInfo.InvariantCulture)}: {errors}");
        }
    }

    private static async Task CopyToPodAsync(NetworkStream local, WebSocket remote, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024 + 1];
        try
        {
            int read;
            while ((read = await local.ReadAsync(buffer.AsMemory(1), cancellationToken)) > 0)
            {
                await remote.SendAsync(buffer.AsMemory(0, read + 1), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
            }
            // The protocol has no half-close: the end of the local side ends the stream.
            await remote.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            // The connection is over.
        }
    }

    private static async Task CopyFromPodAsync(WebSocket remote, NetworkStream local, StringBuilder errors, CancellationToken cancellationToken)
    {
        // Each channel starts with the port number (two bytes), which is not part of the data.
        int[] prefixLeft = [2, 2];
        var buffer = new byte[32 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await remote.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                var frame = message.GetBuffer().AsMemory(0, (int)message.Length);
                if (frame.Length == 0 || frame.Span[0] > 1)
                {
                    continue;
                }
                var channel = frame.Span[0];
                var payload = frame[1..];
                var skip = Math.Min(prefixLeft[channel], payload.Length);
                prefixLeft[channel] -= skip;
                payload = payload[skip..];
                if (payload.Length == 0)
                {
                    continue;
                }
                if (channel == 0)
                {
                    await local.WriteAsync(payload, cancellationToken);
                }
                else
                {
                    errors.Append(Encoding.UTF8.GetString(payload.Span));
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            // The connection is over.
        }
    }

    private void Notice(PortForwardNoticeKind kind, string message) => _notices.Writer.TryWrite(new PortForwardNotice(kind, message));
}
