using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>Writes a pod's status as the kubelet reports it: phase, conditions, addresses and container statuses.</summary>
public static class PodStatusBuilder
{
    public static JsonObject Build(PodRuntime pod, JsonObject? previous, DateTimeOffset now)
    {
        var phase = pod.Phase;
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = Conditions(pod, phase, previous, now),
            ["hostIP"] = pod.HostIP,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = pod.HostIP }),
            ["podIP"] = pod.PodIP,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = pod.PodIP }),
            ["startTime"] = KubeTime.Format(pod.StartTime),
        };
        // Before any init container has run, the containers wait on initialisation rather than on their creation.
        var defaultWaiting = pod.InitContainers.Count > 0 ? "PodInitializing" : "ContainerCreating";
        if (pod.InitContainers.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray(pod.InitContainers.Select(c => (JsonNode)ContainerStatus(c, defaultWaiting, now)).ToArray());
        }
        status["containerStatuses"] = new JsonArray(pod.Containers.Select(c => (JsonNode)ContainerStatus(c, defaultWaiting, now)).ToArray());
        status["qosClass"] = previous?["qosClass"]?.DeepClone();
        return status;
    }

    private static bool Ready(ContainerRuntime container, DateTimeOffset now) =>
        container.IsInit
            ? container.Succeeded
            : Started(container, now) && (container.ReadinessDelay is not { } delay || now >= container.Current!.StartedAt + delay);

    private static bool Started(ContainerRuntime container, DateTimeOffset now) =>
        container.Current is { Running: true } running && (container.StartupDelay is not { } delay || now >= running.StartedAt + delay);

    private static JsonObject ContainerStatus(ContainerRuntime container, string defaultWaiting, DateTimeOffset now)
    {
        var current = container.Current;
        JsonObject state;
        ContainerInstance? last;
        if (current is { Running: true })
        {
            state = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeTime.Format(current.StartedAt) } };
            last = container.Previous;
        }
        else if (current is not null && container.BackOffMessage is { } message)
        {
            state = new JsonObject { ["waiting"] = new JsonObject { ["message"] = message, ["reason"] = "CrashLoopBackOff" } };
            last = current;
        }
        else if (current is not null)
        {
            state = Terminated(current);
            last = container.Previous;
        }
        else
        {
            state = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = defaultWaiting } };
            last = null;
        }
        var status = new JsonObject
        {
            ["name"] = container.Name,
            ["state"] = state,
            ["lastState"] = last is null ? new JsonObject() : Terminated(last),
            ["ready"] = Ready(container, now),
            ["restartCount"] = container.RestartCount,
            ["image"] = Programs.ImageReference.Normalized(container.Image),
            ["imageID"] = current is null ? "" : NodeImages.ImageId(container.Image),
        };
        if (current is not null)
        {
            status["containerID"] = current.Id;
        }
        status["started"] = Started(container, now);
        return status;
    }

    private static JsonObject Terminated(ContainerInstance instance) => new()
    {
        ["terminated"] = new JsonObject
        {
            ["containerID"] = instance.Id,
            ["exitCode"] = instance.ExitCode,
            ["finishedAt"] = KubeTime.Format(instance.FinishedAt!.Value),
            ["reason"] = instance.Reason,
            ["startedAt"] = KubeTime.Format(instance.StartedAt),
        },
    };

    /// <summary>The kubelet's conditions in its order; PodScheduled is the scheduler's and is kept as it was.</summary>
    private static JsonArray Conditions(PodRuntime pod, string phase, JsonObject? previous, DateTimeOffset now)
    {
        var terminalReason = phase switch
        {
            "Succeeded" => "PodCompleted",
            "Failed" => "PodFailed",
            _ => null,
        };
        var uninitialized = pod.InitContainers.Where(c => !c.Succeeded).Select(c => c.Name).ToList();
        var unready = pod.Containers.Where(c => !Ready(c, now)).Select(c => c.Name).ToList();
        var old = (previous?["conditions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

        var conditions = new JsonArray
        {
            Condition(old, now, "PodReadyToStartContainers", terminalReason is null, null, null),
            uninitialized.Count == 0
                ? Condition(old, now, "Initialized", true, phase == "Succeeded" && pod.InitContainers.Count > 0 ? terminalReason : null, null)
                : Condition(old, now, "Initialized", false, "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', uninitialized)}]"),
        };
        foreach (var type in new[] { "Ready", "ContainersReady" })
        {
            conditions.Add(terminalReason is not null
                ? Condition(old, now, type, false, terminalReason, null)
                : unready.Count == 0
                    ? Condition(old, now, type, true, null, null)
                    : Condition(old, now, type, false, "ContainersNotReady", $"containers with unready status: [{string.Join(' ', unready)}]"));
        }
        if (old.FirstOrDefault(c => (string?)c["type"] == "PodScheduled") is { } scheduled)
        {
            conditions.Add(scheduled.DeepClone());
        }
        return conditions;
    }

    // lastTransitionTime moves only when the status flips.
    private static JsonObject Condition(List<JsonObject> old, DateTimeOffset now, string type, bool status, string? reason, string? message)
    {
        var statusText = status ? "True" : "False";
        var before = old.FirstOrDefault(c => (string?)c["type"] == type);
        var transition = before is not null && (string?)before["status"] == statusText
            ? (string?)before["lastTransitionTime"]
            : KubeTime.Format(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = statusText,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = transition,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }
        if (message is not null)
        {
            condition["message"] = message;
        }
        return condition;
    }
}
