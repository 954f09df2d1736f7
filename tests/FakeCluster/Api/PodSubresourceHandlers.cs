using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster.Api;

/// <summary>Serves one subresource of an existing pod (log, exec, attach, portforward).</summary>
public interface IPodSubresourceHandler
{
    Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod);
}

/// <summary>The pod subresources the fake serves, by name. One line per handler.</summary>
public static class PodSubresourceHandlers
{
    public static IReadOnlyDictionary<string, IPodSubresourceHandler> Create(FakeClusterServices services)
    {
        var handlers = new Dictionary<string, IPodSubresourceHandler>(StringComparer.Ordinal);
        handlers["log"] = new Workloads.Logs.PodLogHandler(services);
        handlers["exec"] = new Streaming.ExecHandler(services);
        handlers["attach"] = new Streaming.AttachHandler(services);
        handlers["portforward"] = new Streaming.PortForwardHandler(services);
        return handlers;
    }
}
