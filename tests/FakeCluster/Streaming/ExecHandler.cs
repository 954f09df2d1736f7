using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Streaming;

/// <summary>pods/exec: runs a command in a simulated container over a WebSocket (v5 or v4 channel protocol).</summary>
public sealed class ExecHandler(FakeClusterServices services) : IPodSubresourceHandler
{
    public Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod)
    {
        var options = RemoteCommandOptions.From(context.Request);
        var container = PodContainers.Resolve(pod, options.Container);
        if (options.Command.Count == 0)
        {
            // The real API server passes an empty command on and the runtime fails to start it; refusing up front is clearer.
            throw StatusError.BadRequest("you must specify at least one command for the container");
        }
        var facts = new ContainerFacts(pod, container, options.Tty);
        var files = services.ContainerFiles.Open(PodContainers.InstanceKey(pod, container), () => new ContainerFileSystem(facts, services.Clock.Now));
        var shell = new ContainerShell(facts, files, services.Clock);
        return RemoteCommandEndpoint.ServeAsync(context, services, pod, container, options, options.Tty, RemoteCommandEndpoint.GoSlice(options.Command),
            (io, cancellationToken) => shell.ExecAsync(options.Command, io, cancellationToken));
    }
}
