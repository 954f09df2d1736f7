namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// A program the fake container runtime can run: it recognises its command line and describes what it prints
/// and when it exits, as steps on the cluster clock relative to its start.
/// </summary>
public interface IContainerProgram
{
    /// <summary>Whether this program is what <paramref name="command"/> runs.</summary>
    bool Runs(ContainerCommand command);

    /// <summary>The memory the program needs; a container memory limit below it ends in OOMKilled.</summary>
    long MemoryBytes { get; }

    /// <summary>
    /// The exit code after SIGTERM, or null when the program ignores it: a process running as PID 1 without a
    /// handler for SIGTERM is not stopped by it, so the kubelet has to wait out the grace period.
    /// </summary>
    int? ExitCodeOnTerm { get; }

    /// <summary>
    /// The steps in time order. A sequence that ends without an exit step (or never ends) leaves the process
    /// running until it is killed. The steps are read lazily, when the previous one is due.
    /// </summary>
    IEnumerable<ProgramStep> Run(ProgramContext context);
}
