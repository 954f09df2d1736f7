namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// One thing a container program does, at an offset from its start: print a line to stdout, or exit.
/// </summary>
public sealed record ProgramStep(TimeSpan At, string? Line, int? ExitCode)
{
    public static ProgramStep Print(TimeSpan at, string line) => new(at, line, null);

    public static ProgramStep Exit(TimeSpan at, int exitCode) => new(at, null, exitCode);
}
