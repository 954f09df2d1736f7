using System.Text.Json.Nodes;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// One pod on the node as the kubelet runs it: its sandbox (IP, shared network), init containers in order, then
/// its containers; its phase; and its termination when it is deleted.
/// </summary>
public sealed class PodRuntime
{
    private string? _terminalPhase;

    public PodRuntime(JsonObject pod, string podIp, string hostIp, DateTimeOffset seenAt)
    {
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        RestartPolicy = (string?)spec["restartPolicy"] ?? "Always";
        InitContainers = Specs(spec["initContainers"]).Select(c => new ContainerRuntime(c, isInit: true, RestartPolicy)).ToList();
        Containers = Specs(spec["containers"]).Select(c => new ContainerRuntime(c, isInit: false, RestartPolicy)).ToList();
        PodIP = podIp;
        HostIP = hostIp;
        StartTime = seenAt;
        StartNext(seenAt);
    }

    public string RestartPolicy { get; }

    public IReadOnlyList<ContainerRuntime> InitContainers { get; }

    public IReadOnlyList<ContainerRuntime> Containers { get; }

    public IEnumerable<ContainerRuntime> AllContainers => InitContainers.Concat(Containers);

    public PodNetwork Network { get; } = new();

    public string PodIP { get; }

    public string HostIP { get; }

    /// <summary>When the kubelet took the pod on (status.startTime).</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The pod has a deletionTimestamp and the kubelet is stopping it.</summary>
    public bool Terminating { get; private set; }

    public string Phase => _terminalPhase ?? CurrentPhase();

    public bool IsTerminal => _terminalPhase is not null;

    /// <summary>A terminating pod whose processes have all ended can go.</summary>
    public bool ReadyToRemove => Terminating && !AllContainers.Any(c => c.Running);

    /// <summary>Every container ID whose log the node still keeps.</summary>
    public IEnumerable<string> ContainerIds =>
        AllContainers.SelectMany(c => new[] { c.Current?.Id, c.Previous?.Id }).OfType<string>();

    /// <summary>
    /// Catches up with the cluster clock: plays every container change due by <paramref name="now"/> in time order,
    /// then starts stopping the pod if it was deleted.
    /// </summary>
    public void Sync(DateTimeOffset now, PodSync sync)
    {
        while (NextDue(now) is { } due)
        {
            due.Container.Advance(due.At, sync);
            StartNext(due.At);
            if (CurrentPhase() is "Succeeded" or "Failed")
            {
                _terminalPhase ??= CurrentPhase();
            }
        }
        if (!Terminating && sync.Pod["metadata"]?["deletionTimestamp"] is not null)
        {
            Terminating = true;
            foreach (var container in AllContainers)
            {
                container.Kill(now, sync);
            }
        }
    }

    /// <summary>
    /// When the kubelet must look at the pod again: its next container change, or a probe delay running out (the
    /// container turns started or ready then); null when nothing is due.
    /// </summary>
    public DateTimeOffset? NextWake(DateTimeOffset now)
    {
        var times = new List<DateTimeOffset?>();
        foreach (var container in AllContainers)
        {
            times.Add(container.NextTransition);
            if (container.Current is { Running: true } running)
            {
                times.Add(running.StartedAt + container.StartupDelay);
                times.Add(running.StartedAt + container.ReadinessDelay);
            }
        }
        return times.Where(t => t > now).Min();
    }

    // The earliest change; on a tie the container listed first goes first, as the kubelet starts them in order.
    private (ContainerRuntime Container, DateTimeOffset At)? NextDue(DateTimeOffset now)
    {
        (ContainerRuntime, DateTimeOffset)? earliest = null;
        foreach (var container in AllContainers)
        {
            if (container.NextTransition is { } at && at <= now && (earliest is null || at < earliest.Value.Item2))
            {
                earliest = (container, at);
            }
        }
        return earliest;
    }

    /// <summary>Init containers one after the other, each once the one before succeeded; then every container at once.</summary>
    private void StartNext(DateTimeOffset at)
    {
        if (Terminating || IsTerminal)
        {
            return;
        }
        if (InitContainers.FirstOrDefault(c => !c.Succeeded) is { } pendingInit)
        {
            if (!pendingInit.Scheduled)
            {
                pendingInit.StartAt(at);
            }
            return;
        }
        foreach (var container in Containers.Where(c => !c.Scheduled))
        {
            container.StartAt(at);
        }
    }

    /// <summary>The phase by the kubelet's rules: a container never started keeps the pod Pending; a crash-looping one counts as stopped.</summary>
    private string CurrentPhase()
    {
        foreach (var init in InitContainers)
        {
            if (init.Succeeded)
            {
                continue;
            }
            return init.Finished ? "Failed" : "Pending";
        }
        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var container in Containers)
        {
            if (container.Running)
            {
                running++;
            }
            else if (container.Current is { } ended)
            {
                stopped++;
                succeeded += ended.ExitCode == 0 ? 1 : 0;
            }
            else
            {
                waiting++;
            }
        }
        return (waiting, running, stopped) switch
        {
            ( > 0, _, _) => "Pending",
            (_, > 0, _) => "Running",
            (_, _, > 0) when RestartPolicy == "Always" => "Running",
            (_, _, > 0) when stopped == succeeded => "Succeeded",
            (_, _, > 0) when RestartPolicy == "Never" => "Failed",
            (_, _, > 0) => "Running",
            _ => "Pending",
        };
    }

    private static IEnumerable<JsonObject> Specs(JsonNode? list) => (list as JsonArray)?.OfType<JsonObject>() ?? [];
}
