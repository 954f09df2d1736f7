namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>echo ARGS: prints its arguments joined by spaces (-n leaves the newline out, which a log line cannot show) and exits 0.</summary>
public sealed class EchoProgram : IContainerProgram
{
    public long MemoryBytes => 256 * 1024;

    public int? ExitCodeOnTerm => 143;

    public bool Runs(ContainerCommand command) => command.Executable == "echo";

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var words = context.Command.Arguments.SkipWhile(a => a == "-n").ToList();
        yield return ProgramStep.Print(TimeSpan.Zero, string.Join(' ', words));
        yield return ProgramStep.Exit(TimeSpan.Zero, 0);
    }
}
