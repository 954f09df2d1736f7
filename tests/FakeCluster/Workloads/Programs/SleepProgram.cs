using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>sleep N (seconds, fractions and s/m/h/d suffixes as busybox accepts, "infinity"): silent, then exit 0.</summary>
public sealed class SleepProgram : IContainerProgram
{
    public long MemoryBytes => 256 * 1024;

    // As PID 1 sleep has no SIGTERM handler, so it ignores it: the famous 30-second pod deletion.
    public int? ExitCodeOnTerm => null;

    public bool Runs(ContainerCommand command) => command.Executable == "sleep" && command.Arguments.Count > 0;

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var total = TimeSpan.Zero;
        foreach (var argument in context.Command.Arguments)
        {
            if (Parse(argument) is not { } span)
            {
                yield return ProgramStep.Print(TimeSpan.Zero, $"sleep: invalid number '{argument}'");
                yield return ProgramStep.Exit(TimeSpan.Zero, 1);
                yield break;
            }
            if (span == Timeout.InfiniteTimeSpan)
            {
                yield break;
            }
            total += span;
        }
        yield return ProgramStep.Exit(total, 0);
    }

    private static TimeSpan? Parse(string text)
    {
        if (text is "inf" or "infinity")
        {
            return Timeout.InfiniteTimeSpan;
        }
        var suffixed = text.Length > 0 && char.IsLetter(text[^1]);
        var unit = suffixed ? text[^1] : 's';
        var number = suffixed ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => null,
        };
    }
}
