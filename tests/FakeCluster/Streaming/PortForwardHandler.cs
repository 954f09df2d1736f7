using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// pods/portforward over a WebSocket, as the kubelet serves it: for the i-th requested port, channel 2i carries the
/// data both ways and channel 2i+1 the errors, and each starts with the port as a little-endian uint16. Port 8080 of
/// a running kuard container answers HTTP; any other port a running container declares echoes what it receives;
/// anything else is refused with containerd's message on the error channel. The connection closes when every port
/// is done.
/// </summary>
public sealed class PortForwardHandler(FakeClusterServices services) : IPodSubresourceHandler
{
    public async Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod)
    {
        PodContainers.RequireNode(pod);
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

    private Task ForwardAsync(ChannelSession session, JsonObject pod, ushort port, byte dataChannel)
    {
        var inbound = session.Inbound(dataChannel)!;
        ValueTask<byte[]?> Read(CancellationToken cancellationToken) => inbound.ReadAsync(cancellationToken);
        Task Write(byte[] data) => session.WriteAsync(dataChannel, data);

        var listener = Listener(pod, port);
        if (listener is null)
        {
            return session.WriteAsync((byte)(dataChannel + 1), Encoding.UTF8.GetBytes(Refused(pod, port)));
        }
        if (ContainerFacts.IsKuardImage((string?)listener["image"] ?? "") && port == 8080)
        {
            var hostname = (string?)pod["spec"]?["hostname"] ?? PodContainers.Name(pod);
            return new KuardHttpResponder(services.Clock, hostname).ServeAsync(Read, Write, session.Ended);
        }
        return EchoAsync(Read, Write, session.Ended);
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
