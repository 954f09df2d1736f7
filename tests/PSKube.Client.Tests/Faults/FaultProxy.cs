using System.Net;
using System.Net.Sockets;

namespace PSKube.Client.Tests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 between a client and a (fake) cluster that fails the way networks do: it cuts every open
/// connection (a reset, as a dropped load balancer does), refuses new ones (nothing listens), or stalls (connections
/// are accepted and nothing is forwarded either way, old or new, until it resumes). TLS passes through untouched, so
/// the client sees the cluster's own certificate.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Socket> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private TaskCompletionSource _flowing = Flowing();
    private int _accepted;
    private int _held;

    private FaultProxy(IPEndPoint target)
    {
        _target = target;
    }

    /// <summary>Starts a proxy on a free port of 127.0.0.1 in front of <paramref name="server"/> (an https://127.0.0.1:PORT URL).</summary>
    public static FaultProxy Start(string server)
    {
        var uri = new Uri(server);
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port));
        proxy.Listen(0);
        return proxy;
    }

    public int Port { get; private set; }

    /// <summary>The proxy's address with the cluster's scheme: what a client connects to instead.</summary>
    public Uri Server => new($"https://127.0.0.1:{Port}");

    /// <summary>How many reads the proxy has held back while stalled, so a test knows a request is on its way.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>How many connections the proxy accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>How many client connections are open now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_lock)
            {
                return _open.Count / 2;
            }
        }
    }

    /// <summary>Resets every open connection (both sides); new ones are still accepted.</summary>
    public int CutAll()
    {
        List<Socket> sockets;
        lock (_lock)
        {
            sockets = [.. _open];
            _open.Clear();
        }
        foreach (var socket in sockets)
        {
            Reset(socket);
        }
        return sockets.Count / 2;
    }

    /// <summary>New connections go to <paramref name="server"/> instead (a cluster replaced, with another CA); open ones are cut.</summary>
    public void Retarget(string server)
    {
        var uri = new Uri(server);
        _target = new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
        CutAll();
    }

    /// <summary>Stops listening and resets what is open: connecting is refused until <see cref="Resume"/>.</summary>
    public void Refuse()
    {
        _listener?.Stop();
        _listener = null;
        CutAll();
    }

    /// <summary>Nothing is forwarded any more, on open or new connections (which are still accepted), until <see cref="Resume"/>.</summary>
    public void Stall()
    {
        lock (_lock)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Back to forwarding: held bytes flow on, and a refusing proxy listens again on the same port.</summary>
    public void Resume()
    {
        if (_listener is null)
        {
            Listen(Port);
        }
        lock (_lock)
        {
            _flowing.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        CutAll();
        Resume();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _listener?.Stop();
        _stopping.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        lock (_lock)
        {
            _open.Add(client);
            _open.Add(upstream);
        }
        try
        {
            // A stalled proxy holds a new connection before it even reaches the server.
            await WhileStalledAsync();
            await upstream.ConnectAsync(_target, _stopping.Token);
            await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // Cut, refused, or the proxy stops.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }
            Reset(client);
            Reset(upstream);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
            var stalled = WhileStalledAsync();
            if (!stalled.IsCompleted)
            {
                Interlocked.Increment(ref _held);
            }
            await stalled;
            if (read == 0)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
        }
    }

    private Task WhileStalledAsync()
    {
        lock (_lock)
        {
            return _flowing.Task.WaitAsync(_stopping.Token);
        }
    }

    // A reset, not a polite close: what a client sees when a network path dies.
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        socket.Dispose();
    }
}
