using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PSKube.Client.Tests.Client;

/// <summary>A minimal HTTP CONNECT proxy on loopback that counts the tunnels it opens, for proxy-url tests.</summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _tunnels;

    public ConnectProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Tunnels => Volatile.Read(ref _tunnels);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = TunnelAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            var downstream = client.GetStream();
            var header = new StringBuilder();
            var one = new byte[1];
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await downstream.ReadAsync(one, _stop.Token) == 1)
            {
                header.Append((char)one[0]);
            }
            var target = header.ToString().Split(' ')[1];
            var colon = target.LastIndexOf(':');
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(target[..colon], int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
            Interlocked.Increment(ref _tunnels);
            await downstream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
            var upstreamStream = upstream.GetStream();
            try
            {
                await Task.WhenAny(downstream.CopyToAsync(upstreamStream, _stop.Token), upstreamStream.CopyToAsync(downstream, _stop.Token));
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // A side hung up.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
