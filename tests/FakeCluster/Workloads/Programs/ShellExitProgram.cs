using System.Globalization;
using System.Text.RegularExpressions;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>sh -c 'exit N' and the coin flip sh -c 'exit $(($RANDOM%2))' (the remainder of a seeded random number).</summary>
public sealed partial class ShellExitProgram : IContainerProgram
{
    public long MemoryBytes => 512 * 1024;

    public int? ExitCodeOnTerm => 143;

    public bool Runs(ContainerCommand command) => Script(command) is { } script && ExitScript().IsMatch(script);

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var match = ExitScript().Match(Script(context.Command)!);
        int code;
        if (match.Groups["code"].Success)
        {
            code = int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            // $RANDOM is 0..32767 in sh; the shell takes the remainder.
            var modulus = int.Parse(match.Groups["modulus"].Value, CultureInfo.InvariantCulture);
            code = context.Random.Next(32768) % modulus;
        }
        // A process exit status is one byte.
        yield return ProgramStep.Exit(TimeSpan.Zero, code & 0xFF);
    }

    private static string? Script(ContainerCommand command) =>
        command.Executable is "sh" or "bash" or "ash" && command.Arguments is ["-c", var script, ..] ? script.Trim() : null;

    [GeneratedRegex(@"^exit\s+(?:(?<code>\d+)|\$\(\(\s*\$RANDOM\s*%\s*(?<modulus>[1-9]\d*)\s*\)\))\s*;?$")]
    private static partial Regex ExitScript();
}
