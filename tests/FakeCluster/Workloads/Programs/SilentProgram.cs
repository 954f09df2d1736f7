namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>Any image the fake does not know: it prints nothing and runs until it is killed.</summary>
public sealed class SilentProgram : IContainerProgram
{
    public long MemoryBytes => 4 * 1024 * 1024;

    // Nothing is known about it: treat it as PID 1 without a SIGTERM handler.
    public int? ExitCodeOnTerm => null;

    public bool Runs(ContainerCommand command) => true;

    public IEnumerable<ProgramStep> Run(ProgramContext context) => [];
}
