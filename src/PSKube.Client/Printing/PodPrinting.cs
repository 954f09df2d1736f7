using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>
/// A pod's READY, STATUS and RESTARTS exactly as the API server's pod printer (Kubernetes 1.32) computes them,
/// so that filtering on <c>Status -eq 'Running'</c> matches what kubectl shows.
/// </summary>
public static class PodPrinting
{
    /// <summary>Ready containers over containers, e.g. <c>1/2</c>; started sidecars (restartable init containers) count.</summary>
    public static string Ready(Pod pod) => Summarize(pod).Ready;

    /// <summary>The STATUS column: a phase, a container's reason (<c>CrashLoopBackOff</c>), <c>Init:0/2</c>, <c>Terminating</c>...</summary>
    public static string Status(Pod pod) => Summarize(pod).Status;

    /// <summary>The RESTARTS column: <c>0</c>, or <c>5 (3m ago)</c> with the time since the latest container termination.</summary>
    public static string Restarts(Pod pod, DateTimeOffset now) => Summarize(pod).RestartsText(now);

    internal static PodSummary Summarize(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        var status = pod.PodStatus;
        var conditions = status?.Conditions ?? [];
        var phase = status?.Phase ?? string.Empty;

        var reason = string.IsNullOrEmpty(status?.Reason) ? phase : status.Reason;
        if (conditions.Any(condition => condition is { Type: "PodScheduled", Reason: "SchedulingGated" }))
        {
            reason = "SchedulingGated";
        }

        var initContainers = spec?.InitContainers ?? [];
        // Most pods have no init containers: no set to build then (tables compute this for thousands of pods).
        var sidecarNames = initContainers.Count == 0
            ? null
            : initContainers.Where(IsRestartable).Select(container => container.Name).ToHashSet(StringComparer.Ordinal);
        var totalContainers = (spec?.Containers?.Count ?? 0) + (sidecarNames is null ? 0 : initContainers.Count(IsRestartable));

        var readyContainers = 0;
        var restarts = 0;
        var sidecarRestarts = 0;
        var lastRestart = default(DateTimeOffset?);
        var lastSidecarRestart = default(DateTimeOffset?);
        var initializing = false;

        var initStatuses = status?.InitContainerStatuses ?? [];
        for (var index = 0; index < initStatuses.Count; index++)
        {
            var container = initStatuses[index];
            var isSidecar = sidecarNames?.Contains(container.Name) == true;
            restarts += container.RestartCount ?? 0;
            lastRestart = Latest(lastRestart, container);
            if (isSidecar)
            {
                sidecarRestarts += container.RestartCount ?? 0;
                lastSidecarRestart = Latest(lastSidecarRestart, container);
            }

            var terminated = container.State?.Terminated;
            var waiting = container.State?.Waiting;
            if (terminated is not null && (terminated.ExitCode ?? 0) == 0)
            {
                continue;
            }

            if (isSidecar && container.Started == true)
            {
                readyContainers += container.Ready == true ? 1 : 0;
                continue;
            }

            // The first init container that has not finished decides the status.
            initializing = true;
            if (terminated is not null)
            {
                reason = "Init:" + TerminationReason(terminated);
            }
            else if (!string.IsNullOrEmpty(waiting?.Reason) && waiting.Reason != "PodInitializing")
            {
                reason = "Init:" + waiting.Reason;
            }
            else
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"Init:{index}/{initContainers.Count}");
            }

            break;
        }

        if (!initializing || IsConditionTrueFirstOfType(conditions, "Initialized"))
        {
            // Once initialized, only sidecar restarts still count among the init containers.
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            var hasRunning = false;

            // From the last container to the first, so the first container's reason wins.
            var containerStatuses = status?.ContainerStatuses ?? [];
            for (var index = containerStatuses.Count - 1; index >= 0; index--)
            {
                var container = containerStatuses[index];
                restarts += container.RestartCount ?? 0;
                lastRestart = Latest(lastRestart, container);

                var state = container.State;
                if (!string.IsNullOrEmpty(state?.Waiting?.Reason))
                {
                    reason = state.Waiting.Reason;
                }
                else if (state?.Terminated is { } terminated)
                {
                    reason = TerminationReason(terminated);
                }
                else if (container.Ready == true && state?.Running is not null)
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }

            // A completed container next to one still running does not make the pod Completed.
            if (reason == "Completed" && hasRunning)
            {
                reason = conditions.Any(condition => condition is { Type: "Ready", Status: "True" }) ? "Running" : "NotReady";
            }
        }

        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            if (status?.Reason == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }

        var ready = string.Create(CultureInfo.InvariantCulture, $"{readyContainers}/{totalContainers}");
        return new PodSummary(ready, reason, restarts, lastRestart);
    }

    private static bool IsRestartable(Container container) => container.RestartPolicy == "Always";

    // A terminated container's reason, else its signal, else its exit code.
    private static string TerminationReason(ContainerStateTerminated terminated)
    {
        if (!string.IsNullOrEmpty(terminated.Reason))
        {
            return terminated.Reason;
        }

        return (terminated.Signal ?? 0) != 0
            ? string.Create(CultureInfo.InvariantCulture, $"Signal:{terminated.Signal}")
            : string.Create(CultureInfo.InvariantCulture, $"ExitCode:{terminated.ExitCode ?? 0}");
    }

    private static DateTimeOffset? Latest(DateTimeOffset? latest, ContainerStatus container)
    {
        var finishedAt = container.LastState?.Terminated?.FinishedAt;
        return finishedAt > latest || (latest is null && finishedAt is not null) ? finishedAt : latest;
    }

    // The printer looks only at the first condition of the type.
    private static bool IsConditionTrueFirstOfType(IEnumerable<PodCondition> conditions, string type) =>
        conditions.FirstOrDefault(condition => condition.Type == type)?.Status == "True";
}
