namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>true and false: no output, exit 0 or 1.</summary>
public sealed class ExitStatusProgram : IContainerProgram
{
    public long MemoryBytes => 128 * 1024;

    public int? ExitCodeOnTerm => 143;

    public bool Runs(ContainerCommand command) => command.Executable is "true" or "false";

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        yield return ProgramStep.Exit(TimeSpan.Zero, context.Command.Executable == "true" ? 0 : 1);
    }
}
