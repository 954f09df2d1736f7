using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster;

/// <summary>The shared state of one fake cluster, for the parts that serve requests and run control loops.</summary>
public sealed class FakeClusterServices(ObjectStore store, FakeClock clock, FakeClusterOptions options, IReadOnlyList<ResourceDefinition> resources, Random random, FaultInjection faults, CancellationToken stopping)
{
    public ObjectStore Store { get; } = store;

    public FakeClock Clock { get; } = clock;

    public FakeClusterOptions Options { get; } = options;

    public IReadOnlyList<ResourceDefinition> Resources { get; } = resources;

    /// <summary>Seeded by FakeClusterOptions.RandomSeed.</summary>
    public Random Random { get; } = random;

    /// <summary>The containers' logs, written by the kubelet and read by the pods/log handler.</summary>
    public Workloads.Logs.ContainerLogBook ContainerLogs { get; } = new();

    /// <summary>The containers' file systems, written by their processes, kubectl exec and kubectl cp.</summary>
    public Streaming.ContainerFileBook ContainerFiles { get; } = new();

    /// <summary>The running containers' CPU and memory, reported by the kubelet and served by metrics.k8s.io.</summary>
    public Workloads.Kubelet.ResourceUsageBook ResourceUsage { get; } = new();

    /// <summary>Where pods go: the scheduler's view of the nodes, shared by the API server (binding at create) and the scheduler loop.</summary>
    public Workloads.Scheduling.PodScheduler Scheduler { get; } = new(store);

    /// <summary>The failures tests switch on (streams cut mid-way).</summary>
    public FaultInjection Faults { get; } = faults;

    /// <summary>Cancelled when the server stops: streams end at once.</summary>
    public CancellationToken Stopping { get; } = stopping;
}
