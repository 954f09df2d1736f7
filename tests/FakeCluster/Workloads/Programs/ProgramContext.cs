namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>What a running program sees: its command line, when it started, the pod's network and seeded randomness.</summary>
public sealed class ProgramContext(ContainerCommand command, string containerName, DateTimeOffset startedAt, PodNetwork network, Random random)
{
    public ContainerCommand Command { get; } = command;

    public string ContainerName { get; } = containerName;

    /// <summary>The cluster time the process started.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The network namespace every container of the pod shares.</summary>
    public PodNetwork Network { get; } = network;

    /// <summary>The cluster's seeded randomness, so runs with the same seed print the same.</summary>
    public Random Random { get; } = random;
}
