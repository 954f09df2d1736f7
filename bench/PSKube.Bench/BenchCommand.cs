namespace PSKube.Bench;

/// <summary>A command line one side of a comparison runs: what it is called in the report, and what is started.</summary>
public sealed record BenchCommand(string Display, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>pwsh -NoProfile -Command SCRIPT, shown as the script alone.</summary>
    public static BenchCommand Pwsh(BenchOptions options, string display, string script) =>
        options.Pwsh.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new(display, "dotnet", [options.Pwsh, "-NoProfile", "-Command", script])
            : new(display, options.Pwsh, ["-NoProfile", "-Command", script]);

    public static BenchCommand Kubectl(BenchOptions options, params string[] arguments) =>
        new("kubectl " + string.Join(' ', arguments), options.Kubectl, arguments);

    /// <summary>
    /// Script lines that run <paramref name="command"/> and then print "BENCH-INNER wallMs cpuMs" for it alone, so the
    /// time a prompt user waits is told apart from pwsh's start.
    /// </summary>
    public static string Timed(string command) =>
        "$benchProcess = [Diagnostics.Process]::GetCurrentProcess(); $benchCpu = $benchProcess.TotalProcessorTime; " +
        "$benchClock = [Diagnostics.Stopwatch]::StartNew(); " +
        command + "; " +
        "$benchClock.Stop(); $benchProcess.Refresh(); " +
        "[Console]::Out.WriteLine([string]::Format([cultureinfo]::InvariantCulture, 'BENCH-INNER {0:0.###} {1:0.###}', " +
        "$benchClock.Elapsed.TotalMilliseconds, ($benchProcess.TotalProcessorTime - $benchCpu).TotalMilliseconds))";

    /// <summary>A line the script prints straight to standard output (not through the formatter), to mark a moment.</summary>
    public static string Marker(string text) => $"[Console]::Out.WriteLine('{text}'); [Console]::Out.Flush()";
}
