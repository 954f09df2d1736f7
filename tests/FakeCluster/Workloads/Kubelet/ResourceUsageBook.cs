using System.Collections.Concurrent;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// What the kubelet's resource analyzer would report of the running containers (the summary API metrics-server
/// scrapes), by pod UID: written on each kubelet pass, read by the metrics.k8s.io handler.
/// </summary>
public sealed class ResourceUsageBook
{
    private readonly ConcurrentDictionary<string, PodUsage> _pods = new(StringComparer.Ordinal);

    /// <summary>A pod's running containers at one moment.</summary>
    public sealed record PodUsage(string Namespace, string Name, string Node, DateTimeOffset At, IReadOnlyList<ContainerUsage> Containers);

    /// <summary>One container's CPU in nanocores (the rate over the last window) and working-set memory in bytes.</summary>
    public sealed record ContainerUsage(string Name, long CpuNanoCores, long MemoryBytes);

    public IReadOnlyList<PodUsage> Pods => [.. _pods.Values];

    /// <summary>Records a pod's usage; a pod without running containers has none (metrics-server leaves it out).</summary>
    public void Report(string uid, PodUsage usage)
    {
        if (usage.Containers.Count == 0)
        {
            _pods.TryRemove(uid, out _);
            return;
        }
        _pods[uid] = usage;
    }

    public void Forget(string uid) => _pods.TryRemove(uid, out _);
}
