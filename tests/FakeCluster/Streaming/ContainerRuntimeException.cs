namespace PSKube.FakeCluster.Streaming;

/// <summary>The container runtime could not start a process (no such executable): an error, not an exit code.</summary>
public sealed class ContainerRuntimeException(string message) : Exception(message);
