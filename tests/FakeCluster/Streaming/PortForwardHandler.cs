using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Streaming.Spdy;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// pods/portforward over a WebSocket, as the kubelet serves it: for the i-th requested port, channel 2i carries the
/// data both ways and channel 2i+1 the errors, and each starts with the port as a little-endian uint16. Port 8080 of
/// a running kuard container answers HTTP; any other port a running container declares echoes what it receives;
/// anything else is refused with containerd's message on the error channel. The connection closes when every port
/// is done.
/// kubectl 1.32 speaks SPDY/3.1 instead: tunnelled in a WebSocket with the subprotocol
/// <c>SPDY/3.1+portforward.k8s.io</c> (the API server's own endpoint since 1.31), else over a plain HTTP upgrade to
/// SPDY/3.1 (what the API server proxies to the kubelet); the ports then come with each stream, not in the query.
/// </summary>
public sealed class PortForwardHandler(FakeClusterServices services) : IPodSubresourceHandler
{
    public async Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod)
    {
        PodContainers.RequireNode(pod);
        var spdyUpgrade = context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } &&
                          context.Request.Headers.Upgrade.ToString().Contains(SpdyProtocol, StringComparison.OrdinalIgnoreCase);
        var spdyTunnel = context.WebSockets.IsWebSocketRequest && context.WebSockets.WebSocketRequestedProtocols.Contains(SpdyTunnelProtocol);
        if (spdyUpgrade || spdyTunnel)
        {
            await ServeSpdyAsync(context, target, pod, spdyTunnel);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw StatusError.BadRequest("Upgrade request required");
        }
        // The kubelet's checks, proxied to the client as the kubelet words them.
        var (ports, refusal) = ParsePorts(context.Request);
        if (refusal is null && !PodContainers.AnyRunning(pod))
        {
            refusal = new KubeletRefusal(500, $"pod not found (\"{PodContainers.Name(pod)}_{target.Namespace}\")");
        }
        if (refusal is not null)
        {
            context.Response.StatusCode = refusal.StatusCode;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(refusal.Message, context.RequestAborted);
            return;
        }

        var protocol = StreamProtocols.ChoosePortForward(context.WebSockets.WebSocketRequestedProtocols)
                       ?? throw StatusError.BadRequest($"the fake cluster supports port forwarding over WebSocket with the {StreamProtocols.V4} or {StreamProtocols.PortForward} subprotocol");
        var dataChannels = Enumerable.Range(0, ports.Count).Select(i => (byte)(2 * i)).ToList();
        await using var session = await ChannelSession.AcceptAsync(context, protocol, dataChannels, services.Stopping);
        for (var i = 0; i < ports.Count; i++)
        {
            var prefix = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(prefix, ports[i]);
            await session.WriteAsync((byte)(2 * i), prefix);
            await session.WriteAsync((byte)(2 * i + 1), prefix);
        }
        try
        {
            await Task.WhenAll(ports.Select((port, i) => ForwardAsync(session, pod, port, (byte)(2 * i))));
        }
        catch (OperationCanceledException) when (session.Ended.IsCancellationRequested)
        {
            return;
        }
        await session.FinishAsync(null);
    }

    private const string SpdyProtocol = "SPDY/3.1";
    private const string SpdyTunnelProtocol = "SPDY/3.1+portforward.k8s.io";
    private const string StreamProtocolVersionHeader = "X-Stream-Protocol-Version";

    private async Task ServeSpdyAsync(HttpContext context, RequestTarget target, JsonObject pod, bool tunnel)
    {
        if (!PodContainers.AnyRunning(pod))
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"pod not found (\"{PodContainers.Name(pod)}_{target.Namespace}\")", context.RequestAborted);
            return;
        }
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, services.Stopping);
        if (tunnel)
        {
            using var socket = await AcceptSpdyTunnelAsync(context);
            await using (var session = new SpdyPortForwardSession(new WebSocketTransport(socket), port => Connect(pod, port), stopping.Token))
            {
                await session.RunAsync();
            }
            await CloseQuietlyAsync(socket);
            return;
        }
        // The plain upgrade negotiates the stream protocol in a header, as httpstream does.
        var offered = context.Request.Headers[StreamProtocolVersionHeader].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)).ToList();
        if (offered.Count > 0 && !offered.Contains(StreamProtocols.PortForward))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"unable to upgrade: unable to negotiate protocol: client supports {string.Join(", ", offered)}, server supports {StreamProtocols.PortForward}", context.RequestAborted);
            return;
        }
        context.Response.Headers[StreamProtocolVersionHeader] = StreamProtocols.PortForward;
        context.Response.Headers.Upgrade = SpdyProtocol;
        await using var connection = await context.Features.Get<IHttpUpgradeFeature>()!.UpgradeAsync();
        await using (var session = new SpdyPortForwardSession(connection, port => Connect(pod, port), stopping.Token))
        {
            await session.RunAsync();
        }
    }

    /// <summary>
    /// The WebSocket handshake by hand (RFC 6455 section 4.2.2): ASP.NET Core refuses to accept a subprotocol with a
    /// '/' in it (not an RFC 2616 token), and the tunnel's name has one, so the upgrade is answered here and the
    /// upgraded connection wrapped as a server WebSocket.
    /// </summary>
    private static async Task<System.Net.WebSockets.WebSocket> AcceptSpdyTunnelAsync(HttpContext context)
    {
        var key = context.Request.Headers["Sec-WebSocket-Key"].ToString().Trim();
        var accept = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers["Sec-WebSocket-Accept"] = accept;
        context.Response.Headers["Sec-WebSocket-Protocol"] = SpdyTunnelProtocol;
        var stream = await context.Features.Get<IHttpUpgradeFeature>()!.UpgradeAsync();
        return System.Net.WebSockets.WebSocket.CreateFromStream(stream, new System.Net.WebSockets.WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    private static async Task CloseQuietlyAsync(System.Net.WebSockets.WebSocket socket)
    {
        try
        {
            if (socket.State is System.Net.WebSockets.WebSocketState.Open or System.Net.WebSockets.WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception error) when (error is System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
        {
            // The client left first.
        }
    }

    private Task ForwardAsync(ChannelSession session, JsonObject pod, ushort port, byte dataChannel)
    {
        var inbound = session.Inbound(dataChannel)!;
        var connection = Connect(pod, port);
        return connection.Serve is { } serve
            ? serve(inbound.ReadAsync, data => session.WriteAsync(dataChannel, data), session.Ended)
            : session.WriteAsync((byte)(dataChannel + 1), Encoding.UTF8.GetBytes(connection.Refusal!));
    }

    /// <summary>What a port of the pod leads to: kuard's HTTP on 8080 of a kuard container, an echo on another declared port, else the runtime's refusal.</summary>
    private PortConnection Connect(JsonObject pod, ushort port)
    {
        var listener = Listener(pod, port);
        if (listener is null)
        {
            return new PortConnection(null, Refused(pod, port));
        }
        if (ContainerFacts.IsKuardImage((string?)listener["image"] ?? "") && port == 8080)
        {
            var hostname = (string?)pod["spec"]?["hostname"] ?? PodContainers.Name(pod);
            return new PortConnection(new KuardHttpResponder(services.Clock, hostname).ServeAsync, null);
        }
        return new PortConnection(EchoAsync, null);
    }

    private static async Task EchoAsync(Func<CancellationToken, ValueTask<byte[]?>> read, Func<byte[], Task> write, CancellationToken cancellationToken)
    {
        while (await read(cancellationToken) is { } chunk)
        {
            await write(chunk);
        }
    }

    /// <summary>The running container that listens on the port: kuard on 8080, or one declaring it as a containerPort.</summary>
    private static JsonObject? Listener(JsonObject pod, ushort port) =>
        (pod["spec"]?["containers"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Where(c => PodContainers.IsRunning(pod, (string?)c["name"] ?? ""))
        .FirstOrDefault(c =>
            (ContainerFacts.IsKuardImage((string?)c["image"] ?? "") && port == 8080) ||
            (c["ports"] as JsonArray ?? []).Any(p => (int?)p?["containerPort"] == port && ((string?)p?["protocol"] ?? "TCP") == "TCP"));

    /// <summary>The kubelet's wrapping of containerd's dial failure inside the pod's network namespace.</summary>
    private static string Refused(JsonObject pod, ushort port)
    {
        var uid = (string?)pod["metadata"]?["uid"] ?? "";
        var sandbox = RuntimeIds.Sandbox(uid);
        return $"error forwarding port {port} to pod {sandbox}, uid : failed to execute portforward in network namespace \"{RuntimeIds.NetworkNamespace(uid)}\": " +
               $"failed to connect to localhost:{port} inside namespace \"{sandbox}\", IPv4: dial tcp4 127.0.0.1:{port}: connect: connection refused " +
               $"IPv6 dial tcp6 [::1]:{port}: connect: connection refused ";
    }

    /// <summary>The ports of the request (the API server's `ports`, which it hands the kubelet as `port`), checked as the kubelet checks them.</summary>
    private static (List<ushort> Ports, KubeletRefusal? Refusal) ParsePorts(HttpRequest request)
    {
        var values = request.Query["ports"];
        var ports = new List<ushort>();
        if (values.Count == 0)
        {
            return (ports, new KubeletRefusal(400, "query parameter \"port\" is required"));
        }
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                return (ports, new KubeletRefusal(400, "query parameter \"port\" cannot be empty"));
            }
            foreach (var text in value.Split(','))
            {
                if (!ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    return (ports, new KubeletRefusal(400, $"unable to parse \"{value}\" as a port: strconv.ParseUint: parsing \"{text}\": {(text.Length > 0 && text.All(char.IsAsciiDigit) ? "value out of range" : "invalid syntax")}"));
                }
                if (port < 1)
                {
                    return (ports, new KubeletRefusal(400, $"port \"{value}\" must be > 0"));
                }
                ports.Add(port);
            }
        }
        return (ports, null);
    }
}
