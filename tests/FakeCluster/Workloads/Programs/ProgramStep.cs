namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// One thing a container program does, at an offset from its start: print a line to stdout, exit, or wait (a
/// point at which the program goes on, so that what it does next happens at that time).
/// </summary>
public sealed record ProgramStep(TimeSpan At, string? Line, int? ExitCode)
{
    public static ProgramStep Print(TimeSpan at, string line) => new(at, line, null);

    public static ProgramStep Wait(TimeSpan until) => new(until, null, null);

    public static ProgramStep Exit(TimeSpan at, int exitCode) => new(at, null, exitCode);
}
