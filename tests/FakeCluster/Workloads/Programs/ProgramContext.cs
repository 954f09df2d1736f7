using System.Text.Json.Nodes;
using PSKube.FakeCluster.Streaming;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// What a running program sees: its command line, when it started, the pod's network, seeded randomness, and the
/// container's environment and file system.
/// </summary>
public sealed class ProgramContext(ContainerCommand command, string containerName, DateTimeOffset startedAt, PodNetwork network, Random random,
    ContainerFacts? facts = null, ContainerFileSystem? files = null)
{
    public ContainerCommand Command { get; } = command;

    public string ContainerName { get; } = containerName;

    /// <summary>The cluster time the process started.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The network namespace every container of the pod shares.</summary>
    public PodNetwork Network { get; } = network;

    /// <summary>The cluster's seeded randomness, so runs with the same seed print the same.</summary>
    public Random Random { get; } = random;

    /// <summary>Hostname and environment (a bare container's when the caller gives none).</summary>
    public ContainerFacts Facts { get; } = facts ?? new ContainerFacts(new JsonObject(), containerName, tty: false);

    /// <summary>The container's files, shared with kubectl exec and kubectl cp.</summary>
    public ContainerFileSystem Files => _files ??= new ContainerFileSystem(Facts, StartedAt);

    /// <summary>Whether the program is computing (a loop without sleep) rather than waiting: what its CPU usage shows.</summary>
    public bool Busy { get; set; }

    private ContainerFileSystem? _files = files;
}
