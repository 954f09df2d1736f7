using System.Diagnostics;
using System.Globalization;

namespace PSKube.Bench;

/// <summary>
/// One command run under GNU time (/usr/bin/time), which reports the user and system CPU and the peak resident
/// memory of the command and every process it waited for; while it runs, /proc gives its CPU so far, so streaming
/// scenarios can measure the streaming part alone. Each output line is handed over with the time it arrived.
/// </summary>
public sealed class MeasuredProcess : IDisposable
{
    public const string TimeProgram = "/usr/bin/time";

    private static readonly double ClockTicksPerSecond = 100; // USER_HZ, 100 on every Linux architecture .NET runs on.

    private readonly Process _time;
    private readonly string _statsFile;
    private readonly Stopwatch _clock;
    private readonly Queue<string> _lastErrors = new();
    private readonly List<(double WallMs, double CpuMs)> _inner = [];
    private readonly Action<string, TimeSpan>? _onLine;

    private MeasuredProcess(Process time, string statsFile, Stopwatch clock, Action<string, TimeSpan>? onLine)
    {
        _time = time;
        _statsFile = statsFile;
        _clock = clock;
        _onLine = onLine;
    }

    /// <summary>The lines of the form "BENCH-INNER wallMs cpuMs" that a pwsh script printed about its timed parts, in order.</summary>
    public IReadOnlyList<(double WallMs, double CpuMs)> Inner => _inner;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; <paramref name="onLine"/> sees every line of its output.</summary>
    public static MeasuredProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string, TimeSpan>? onLine = null)
    {
        var statsFile = Path.GetTempFileName();
        var startInfo = new ProcessStartInfo(TimeProgram)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-o", statsFile, "-f", "BENCH-TIME %e %U %S %M %x", fileName }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        var time = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var measured = new MeasuredProcess(time, statsFile, clock, onLine);
        time.OutputDataReceived += (_, e) => measured.Received(e.Data);
        time.ErrorDataReceived += (_, e) => measured.ReceivedError(e.Data);
        time.BeginOutputReadLine();
        time.BeginErrorReadLine();
        return measured;
    }

    /// <summary>The CPU time (user + system, from /proc) of the command's processes so far, or null once they have ended.</summary>
    public double? CpuMsNow()
    {
        double? total = null;
        foreach (var pid in Processes())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // Fields after the command name, which is in parentheses and may hold spaces: utime is field 14, stime 15.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                total = (total ?? 0) + (ticks * 1000 / ClockTicksPerSecond);
            }
            catch (IOException)
            {
                // That process has just ended.
            }
        }
        return total;
    }

    /// <summary>How many TCP connections the command's processes have open to <paramref name="port"/>.</summary>
    public int? ConnectionsTo(int port)
    {
        int? total = null;
        foreach (var pid in Processes())
        {
            if (TcpConnections.Count(pid, port) is { } count)
            {
                total = (total ?? 0) + count;
            }
        }
        return total;
    }

    /// <summary>Ends the command at once (as a pipe's reader that has read enough would), children first.</summary>
    public void Kill()
    {
        foreach (var pid in Enumerable.Reverse(Processes()))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // It has ended already.
            }
            catch (InvalidOperationException)
            {
                // It has ended already.
            }
        }
    }

    /// <summary>Waits for the command to end and returns what GNU time measured.</summary>
    public async Task<ProcessStats> WaitAsync(TimeSpan timeout, bool expectSuccess = true)
    {
        using (var cancel = new CancellationTokenSource(timeout))
        {
            try
            {
                await _time.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                await _time.WaitForExitAsync();
                throw new TimeoutException($"{_time.StartInfo.ArgumentList[4]} took longer than {timeout.TotalSeconds} s; {LastErrors()}");
            }
        }
        var wall = _clock.Elapsed;
        _time.WaitForExit(); // Flushes the asynchronous output readers.
        var line = File.ReadAllLines(_statsFile).LastOrDefault(l => l.StartsWith("BENCH-TIME ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"GNU time reported nothing for {_time.StartInfo.ArgumentList[4]}; {LastErrors()}");
        var fields = line.Split(' ');
        var stats = new ProcessStats(
            wall.TotalMilliseconds,
            (double.Parse(fields[2], CultureInfo.InvariantCulture) + double.Parse(fields[3], CultureInfo.InvariantCulture)) * 1000,
            double.Parse(fields[4], CultureInfo.InvariantCulture) / 1024,
            int.Parse(fields[5], CultureInfo.InvariantCulture));
        if (expectSuccess && stats.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', _time.StartInfo.ArgumentList.Skip(4))} exited with {stats.ExitCode}: {LastErrors()}");
        }
        return stats;
    }

    public void Dispose()
    {
        if (!_time.HasExited)
        {
            Kill();
            _time.WaitForExit();
        }
        _time.Dispose();
        File.Delete(_statsFile);
    }

    /// <summary>Completes when the command has ended.</summary>
    public Task Exited => _time.WaitForExitAsync();

    /// <summary>The last lines the command wrote to its standard error.</summary>
    public string LastErrors()
    {
        lock (_lastErrors)
        {
            return _lastErrors.Count == 0 ? "no error output" : string.Join(Environment.NewLine, _lastErrors);
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        var at = _clock.Elapsed;
        if (line.StartsWith("BENCH-INNER ", StringComparison.Ordinal))
        {
            var fields = line.Split(' ');
            _inner.Add((double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture)));
            return;
        }
        _onLine?.Invoke(line, at);
    }

    private void ReceivedError(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastErrors)
        {
            _lastErrors.Enqueue(line);
            if (_lastErrors.Count > 20)
            {
                _lastErrors.Dequeue();
            }
        }
    }

    // The command and every process under it, parents first (a launcher such as the PowerShell dotnet tool's
    // pwsh runs PowerShell as a child process), from the kernel's per-thread lists of children.
    private List<int> Processes()
    {
        var found = new List<int>();
        var parents = new Queue<int>([_time.Id]);
        while (parents.Count > 0)
        {
            var parent = parents.Dequeue();
            try
            {
                foreach (var thread in Directory.EnumerateDirectories($"/proc/{parent}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(thread, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var pid = int.Parse(child, CultureInfo.InvariantCulture);
                        found.Add(pid);
                        parents.Enqueue(pid);
                    }
                }
            }
            catch (IOException)
            {
                // That process has just ended.
            }
        }
        return found;
    }
}

/// <summary>What GNU time reports for one command: wall time (measured here), user+system CPU, peak resident memory.</summary>
public sealed record ProcessStats(double WallMs, double CpuMs, double MaxRssMb, int ExitCode);
