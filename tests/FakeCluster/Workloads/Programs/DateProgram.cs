using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>date: prints the start time as busybox does in a UTC container ("Mon Jan  2 15:04:05 UTC 2006"), exits 0.</summary>
public sealed class DateProgram : IContainerProgram
{
    public long MemoryBytes => 128 * 1024;

    public int? ExitCodeOnTerm => 143;

    public bool Runs(ContainerCommand command) => command.Executable == "date" && command.Arguments.Count == 0;

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var time = context.StartedAt.UtcDateTime;
        var day = time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2);
        yield return ProgramStep.Print(TimeSpan.Zero, time.ToString($"ddd MMM '{day}' HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture));
        yield return ProgramStep.Exit(TimeSpan.Zero, 0);
    }
}
