using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The streaming half of exec and attach, after the API server has found the pod and container. It plays the two
/// paths a real cluster takes: v5 requests are upgraded by the API server's stream translator, which then talks to
/// the kubelet and reports every outcome on the error channel; v4 requests are proxied to the kubelet, which
/// answers its refusals over plain HTTP and writes its own Status wording.
/// </summary>
public static class RemoteCommandEndpoint
{
    /// <summary>Runs the simulated process; its result is the exit code.</summary>
    public delegate Task<int> ProcessBody(ProcessIo io, CancellationToken cancellationToken);

    /// <summary>
    /// Upgrades the request and runs <paramref name="process"/>; <paramref name="commandText"/> is how the runtime
    /// prints the command in a non-zero exit message (Go's %v of the argv), <paramref name="processTty"/> whether the
    /// process has a terminal.
    /// </summary>
    public static async Task ServeAsync(HttpContext context, FakeClusterServices services, JsonObject pod, string container, RemoteCommandOptions options,
        bool processTty, string commandText, ProcessBody process)
    {
        var protocol = Negotiate(context);
        var refusal = KubeletCheck(pod, container, options);
        if (refusal is not null && protocol == StreamProtocols.V4)
        {
            // The API server proxies the kubelet's answer as it is.
            context.Response.StatusCode = refusal.StatusCode;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(refusal.Message, context.RequestAborted);
            return;
        }

        byte[] inbound = options.Stdin ? [StreamProtocols.Stdin, StreamProtocols.Resize] : [StreamProtocols.Resize];
        await using var session = await ChannelSession.AcceptAsync(context, protocol, inbound, services.Stopping);
        // The first frame, empty, on the lowest channel the server writes tells the client the session is up.
        var first = options.Stdout ? StreamProtocols.Stdout : options.Stderr && !options.Tty ? StreamProtocols.Stderr : StreamProtocols.Error;
        await session.WriteAsync(first, ReadOnlyMemory<byte>.Empty);
        try
        {
            // The kubelet's dial and the runtime's start, before anything (a refusal too) comes back.
            await Task.Delay(services.Options.ProcessStartDelay, session.Ended);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (refusal is not null)
        {
            // The translator's SPDY client reports a refused upgrade this way.
            await session.FinishAsync(StreamStatus.InternalError($"unable to upgrade connection: {refusal.Message}"));
            return;
        }

        _ = DrainResizesAsync(session);
        var io = new ProcessIo(session, session.Inbound(StreamProtocols.Stdin), options.Stdout, options.Stderr && !options.Tty, processTty);
        byte[] status;
        try
        {
            var exitCode = await process(io, session.Ended);
            status = exitCode == 0 ? StreamStatus.Success() : NonZeroExit(protocol, exitCode, commandText);
        }
        catch (ContainerRuntimeException error)
        {
            status = RuntimeFailure(protocol, error.Message);
        }
        catch (OperationCanceledException) when (session.Ended.IsCancellationRequested)
        {
            // The client left or the server is stopping: nobody to report to.
            return;
        }
        await session.FinishAsync(status);
    }

    /// <summary>How the runtime prints a command in its exit message: Go's %v of a string slice.</summary>
    public static string GoSlice(IEnumerable<string> argv) => "[" + string.Join(' ', argv) + "]";

    private static string Negotiate(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw context.Request.Headers.Upgrade.Count == 0
                ? StatusError.BadRequest("Upgrade request required")
                : StatusError.BadRequest($"the fake cluster streams over WebSocket only, with the {StreamProtocols.V5} or {StreamProtocols.V4} subprotocol");
        }
        return StreamProtocols.ChooseRemoteCommand(context.WebSockets.WebSocketRequestedProtocols)
               ?? throw StatusError.BadRequest($"the fake cluster supports the {StreamProtocols.V5} and {StreamProtocols.V4} WebSocket subprotocols for this request");
    }

    /// <summary>The kubelet's own checks: at least one stream, and a running container to connect to.</summary>
    private static KubeletRefusal? KubeletCheck(JsonObject pod, string container, RemoteCommandOptions options)
    {
        if (!options.HasStream)
        {
            return new KubeletRefusal(400, "you must specify at least 1 of stdin, stdout, stderr");
        }
        return PodContainers.IsRunning(pod, container) ? null : new KubeletRefusal(500, $"container not found (\"{container}\")");
    }

    private static byte[] NonZeroExit(string protocol, int exitCode, string commandText) =>
        StreamStatus.NonZeroExit(exitCode, protocol == StreamProtocols.V5
            // The translator re-wraps the exit error its SPDY client decoded from the kubelet.
            ? $"command terminated with non-zero exit code: command terminated with exit code {exitCode}"
            : $"command terminated with non-zero exit code: error executing command {commandText}, exit code {exitCode}");

    private static byte[] RuntimeFailure(string protocol, string runtimeError)
    {
        var kubeletError = $"error executing command in container: {runtimeError}";
        // Behind the translator, the kubelet's InternalError message becomes the cause of another InternalError.
        return StreamStatus.InternalError(protocol == StreamProtocols.V5 ? $"Internal error occurred: {kubeletError}" : kubeletError);
    }

    // Terminal sizes are read and dropped, whatever they hold: the simulated programs do not lay out their output by width.
    private static async Task DrainResizesAsync(ChannelSession session)
    {
        var resize = session.Inbound(StreamProtocols.Resize)!;
        while (await resize.ReadAsync(CancellationToken.None) is not null)
        {
        }
    }
}
