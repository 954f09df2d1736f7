using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// pods/attach: connects to the stdio of a container's main process. The simulated programs keep no output stream,
/// so nothing is sent on stdout except, when the container has a terminal (spec tty: true, which decides it as on
/// the kubelet), the echo of what the client types. The session ends with Success when the container stops
/// running (or its pod goes away), or when the client leaves.
/// </summary>
public sealed class AttachHandler(FakeClusterServices services) : IPodSubresourceHandler
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod)
    {
        var options = RemoteCommandOptions.From(context.Request);
        var container = PodContainers.Resolve(pod, options.Container);
        var tty = (bool?)PodContainers.Spec(pod, container)?["tty"] ?? false;
        var name = PodContainers.Name(pod);
        return RemoteCommandEndpoint.ServeAsync(context, services, pod, container, options, tty, "", async (io, cancellationToken) =>
        {
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var input = ConsumeInputAsync(io, stopped.Token);
            try
            {
                while (IsRunning(target, name, container))
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
            finally
            {
                // The echo must not outlive the session it writes to.
                await stopped.CancelAsync();
                await input;
            }
            return 0;
        });
    }

    private bool IsRunning(RequestTarget target, string name, string container) =>
        services.Store.Get(target.Resource, target.Namespace, name) is { } current && PodContainers.IsRunning(current, container);

    // Reading stdin plays the terminal's echo; without a terminal the input goes to a process that ignores it.
    private static async Task ConsumeInputAsync(ProcessIo io, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    if (await io.ReadAsync(cancellationToken) is null)
                    {
                        return;
                    }
                }
                catch (TerminalInterrupt)
                {
                    // Ctrl-C goes to the main process, which the simulation does not stop.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
