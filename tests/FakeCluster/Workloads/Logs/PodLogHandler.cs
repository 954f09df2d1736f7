using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>
/// GET pods/NAME/log: the API server picks the container, the kubelet picks the container instance from the pod's
/// status and streams its log as text/plain, optionally following it until the container or the pod is gone.
/// </summary>
public sealed class PodLogHandler(FakeClusterServices services) : IPodSubresourceHandler
{
    public async Task HandleAsync(HttpContext context, RequestTarget target, JsonObject pod)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            throw StatusError.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
        var podName = target.Name!;
        var options = PodLogOptions.From(context.Request.Query, podName);
        var container = ContainerName(pod, podName, options.Container);
        if (string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]))
        {
            throw StatusError.BadRequest($"pod {podName} does not have a host assigned");
        }
        var containerId = ContainerId(pod, podName, container, options.Previous);
        var log = services.ContainerLogs.Find(containerId);

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, services.Stopping);
        using var tracked = services.Faults.TrackLogStream(context);
        try
        {
            await StreamAsync(context.Response.Body, log, options, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server is stopping: the stream just ends.
        }
    }

    /// <summary>The log line prefix with timestamps=true: RFC 3339 with nine fraction digits, as the kubelet writes it.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    private async Task StreamAsync(Stream body, ContainerLog? log, PodLogOptions options, CancellationToken cancellationToken)
    {
        // The API server hands sinceTime to the kubelet as RFC 3339 without fractions: whole seconds only.
        var since = options.SinceTime is { } sinceTime ? new DateTimeOffset(sinceTime.UtcTicks - (sinceTime.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            : options.SinceSeconds is { } seconds ? services.Clock.Now.AddSeconds(-seconds)
            : (DateTimeOffset?)null;
        var remaining = options.LimitBytes ?? long.MaxValue;
        if (log is null)
        {
            await body.FlushAsync(cancellationToken);
            return;
        }
        var snapshot = log.Read(0);
        var lines = snapshot.Lines.AsEnumerable();
        if (options.TailLines is { } tail)
        {
            lines = lines.Skip((int)Math.Max(0, snapshot.Count - tail));
        }
        while (true)
        {
            foreach (var line in lines.Where(l => since is null || l.Time >= since))
            {
                var bytes = Encoding.UTF8.GetBytes((options.Timestamps ? Timestamp(line.Time) + " " : "") + line.Text + "\n");
                var length = (int)Math.Min(bytes.Length, remaining);
                await body.WriteAsync(bytes.AsMemory(0, length), cancellationToken);
                remaining -= length;
                if (remaining == 0)
                {
                    await body.FlushAsync(cancellationToken);
                    return;
                }
            }
            await body.FlushAsync(cancellationToken);
            if (!options.Follow || snapshot.Ended)
            {
                return;
            }
            await snapshot.Changed.WaitAsync(cancellationToken);
            snapshot = log.Read(snapshot.Count);
            lines = snapshot.Lines;
        }
    }

    /// <summary>The API server's choice: the named container, else the only one, else a 400 listing the choices.</summary>
    private static string ContainerName(JsonObject pod, string podName, string? requested)
    {
        var containers = Names(pod["spec"]?["containers"]);
        var initContainers = Names(pod["spec"]?["initContainers"]);
        if (requested is not null)
        {
            if (!containers.Contains(requested) && !initContainers.Contains(requested) && !Names(pod["spec"]?["ephemeralContainers"]).Contains(requested))
            {
                throw StatusError.BadRequest($"container {requested} is not valid for pod {podName}");
            }
            return requested;
        }
        switch (containers.Count)
        {
            case 1:
                return containers[0];
            case 0:
                throw StatusError.BadRequest($"a container name must be specified for pod {podName}");
            default:
                var message = $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', containers)}]";
                if (initContainers.Count > 0)
                {
                    message += $" or one of the init containers: [{string.Join(' ', initContainers)}]";
                }
                throw StatusError.BadRequest(message);
        }
    }

    /// <summary>
    /// The kubelet's choice of container instance from the pod status: the previous (last terminated) one when asked,
    /// else the running one, else the one that ended; a container that never ran has no logs yet.
    /// </summary>
    private static string ContainerId(JsonObject pod, string podName, string container, bool previous)
    {
        var status = new[] { "containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses" }
            .SelectMany(list => (pod["status"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            .FirstOrDefault(s => (string?)s["name"] == container);
        // No status yet: the kubelet has not reported on the pod, so the container is still being created.
        var state = status?["state"] as JsonObject ?? new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } };
        var lastTerminatedId = (string?)status?["lastState"]?["terminated"]?["containerID"];
        if (previous)
        {
            return lastTerminatedId is { Length: > 0 }
                ? lastTerminatedId
                : throw StatusError.BadRequest($"previous terminated container \"{container}\" in pod \"{podName}\" not found");
        }
        if (state["running"] is not null && (string?)status?["containerID"] is { Length: > 0 } runningId)
        {
            return runningId;
        }
        if (state["terminated"] is JsonObject terminated)
        {
            return (string?)terminated["containerID"] is { Length: > 0 } terminatedId ? terminatedId
                : lastTerminatedId is { Length: > 0 } ? lastTerminatedId
                : throw StatusError.BadRequest($"container \"{container}\" in pod \"{podName}\" is terminated");
        }
        if (lastTerminatedId is { Length: > 0 })
        {
            return lastTerminatedId;
        }
        var reason = (string?)state["waiting"]?["reason"];
        throw StatusError.BadRequest(reason is null
            ? $"container \"{container}\" in pod \"{podName}\" is waiting to start - no logs yet"
            : $"container \"{container}\" in pod \"{podName}\" is waiting to start: {reason}");
    }

    private static List<string> Names(JsonNode? list) =>
        (list as JsonArray)?.OfType<JsonObject>().Select(c => (string?)c["name"] ?? "").ToList() ?? [];
}
