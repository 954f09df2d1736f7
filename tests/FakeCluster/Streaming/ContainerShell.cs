using System.Globalization;
using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The programs a simulated container can run: a handful of busybox applets (echo, cat, ls, env, printenv, hostname,
/// date, sleep, true, false, pwd, whoami), busybox sh (`sh -c`, a script on stdin, or an interactive shell on a
/// terminal) and, in kuard images, /kuard. Exit codes follow the real programs; a missing executable is a runtime
/// error when exec'd directly and "not found" (127) inside sh.
/// </summary>
public sealed class ContainerShell(ContainerFacts facts, FakeClock clock)
{
    private const string Prompt = "/ # ";

    private static readonly HashSet<string> Applets =
        ["echo", "cat", "ls", "env", "printenv", "hostname", "date", "sleep", "true", "false", "pwd", "whoami", "sh", "ash"];

    private static readonly string[] BinaryFolders = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin"];

    /// <summary>Runs a command as the runtime's exec does; throws <see cref="ContainerRuntimeException"/> when there is nothing to run.</summary>
    public async Task<int> ExecAsync(IReadOnlyList<string> argv, ProcessIo io, CancellationToken cancellationToken)
    {
        var program = Resolve(argv[0]) ?? throw new ContainerRuntimeException(StartFailure(argv[0]));
        return await RunAsync(program, argv, io, new ShellState(facts), cancellationToken);
    }

    /// <summary>
    /// What containerd reports when runc cannot start the process, as in "failed to exec in container: failed to start
    /// exec "ID": OCI runtime exec failed: ...".
    /// </summary>
    private string StartFailure(string executable)
    {
        var cause = executable.Contains('/', StringComparison.Ordinal)
            ? $"exec: \"{executable}\": stat {executable}: no such file or directory"
            : $"exec: \"{executable}\": executable file not found in $PATH";
        return $"failed to exec in container: failed to start exec \"{RuntimeIds.Exec(facts.PodUid, facts.Container)}\": " +
               $"OCI runtime exec failed: exec failed: unable to start container process: {cause}: unknown";
    }

    /// <summary>The program a command name or path runs, or null when the image has no such executable.</summary>
    private string? Resolve(string name)
    {
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            return Applets.Contains(name) ? name : null;
        }
        var path = name.StartsWith("./", StringComparison.Ordinal) ? name[1..] : name;
        if (path == "/kuard" && facts.IsKuard)
        {
            return "kuard";
        }
        var slash = path.LastIndexOf('/');
        var folder = slash == 0 ? "/" : path[..slash];
        var file = path[(slash + 1)..];
        return BinaryFolders.Contains(folder) && Applets.Contains(file) ? file : null;
    }

    private Task<int> RunAsync(string program, IReadOnlyList<string> argv, ProcessIo io, ShellState state, CancellationToken cancellationToken) =>
        program switch
        {
            "echo" => EchoAsync(argv, io),
            "cat" => CatAsync(argv, io, cancellationToken),
            "ls" => ListAsync(argv, io),
            "env" => WriteLinesAsync(io, facts.Environment.Select(pair => $"{pair.Key}={pair.Value}")),
            "printenv" => PrintEnvironmentAsync(argv, io),
            "hostname" => WriteLinesAsync(io, [facts.Hostname]),
            "date" => WriteLinesAsync(io, [FormatDate(clock.Now)]),
            "sleep" => SleepAsync(argv, io, cancellationToken),
            "true" => Task.FromResult(0),
            "false" => Task.FromResult(1),
            "pwd" => WriteLinesAsync(io, ["/"]),
            "whoami" => WriteLinesAsync(io, ["root"]),
            "sh" or "ash" => ShellAsync(argv, io, state, cancellationToken),
            "kuard" => KuardAsync(argv, io),
            _ => throw new InvalidOperationException($"No simulation for {program}."),
        };

    private static async Task<int> WriteLinesAsync(ProcessIo io, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        await io.WriteOutAsync(text.ToString());
        return 0;
    }

    private static async Task<int> EchoAsync(IReadOnlyList<string> argv, ProcessIo io)
    {
        var noNewline = argv.Count > 1 && argv[1] == "-n";
        var words = argv.Skip(noNewline ? 2 : 1);
        await io.WriteOutAsync(string.Join(' ', words) + (noNewline ? "" : "\n"));
        return 0;
    }

    private async Task<int> CatAsync(IReadOnlyList<string> argv, ProcessIo io, CancellationToken cancellationToken)
    {
        var files = argv.Skip(1).ToList();
        if (files.Count == 0 || files is ["-"])
        {
            try
            {
                while (await io.ReadAsync(cancellationToken) is { } input)
                {
                    await io.WriteOutAsync(input);
                }
                return 0;
            }
            catch (TerminalInterrupt)
            {
                return 130;
            }
        }
        var exitCode = 0;
        foreach (var file in files)
        {
            var path = Absolute(file);
            if (facts.ReadFile(path) is { } content)
            {
                await io.WriteOutAsync(content);
            }
            else
            {
                await io.WriteErrorAsync(facts.ListDirectory(path) is null
                    ? $"cat: can't open '{file}': No such file or directory\n"
                    : "cat: read error: Is a directory\n");
                exitCode = 1;
            }
        }
        return exitCode;
    }

    private async Task<int> ListAsync(IReadOnlyList<string> argv, ProcessIo io)
    {
        var paths = argv.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        if (paths.Count == 0)
        {
            paths.Add("/");
        }
        var exitCode = 0;
        var output = new StringBuilder();
        foreach (var path in paths)
        {
            if (facts.ListDirectory(Absolute(path)) is { } entries)
            {
                // busybox ls prints one name a line into a pipe and columns onto a terminal.
                output.Append(io.Tty ? string.Join("  ", entries) + (entries.Count > 0 ? "\n" : "") : string.Concat(entries.Select(e => e + "\n")));
            }
            else if (facts.FileExists(Absolute(path)))
            {
                output.Append(path).Append('\n');
            }
            else
            {
                await io.WriteErrorAsync($"ls: {path}: No such file or directory\n");
                exitCode = 1;
            }
        }
        await io.WriteOutAsync(output.ToString());
        return exitCode;
    }

    private async Task<int> PrintEnvironmentAsync(IReadOnlyList<string> argv, ProcessIo io)
    {
        if (argv.Count == 1)
        {
            return await WriteLinesAsync(io, facts.Environment.Select(pair => $"{pair.Key}={pair.Value}"));
        }
        var values = argv.Skip(1).Select(name => facts.Environment.FirstOrDefault(pair => pair.Key == name)).ToList();
        await WriteLinesAsync(io, values.Where(v => v.Key is not null).Select(v => v.Value));
        return values.All(v => v.Key is not null) ? 0 : 1;
    }

    private async Task<int> SleepAsync(IReadOnlyList<string> argv, ProcessIo io, CancellationToken cancellationToken)
    {
        if (argv.Count < 2 || !double.TryParse(argv[1].TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            await io.WriteErrorAsync(argv.Count < 2 ? "sleep: missing operand\n" : $"sleep: invalid number '{argv[1]}'\n");
            return 1;
        }
        // Cluster time: a sped-up cluster sleeps faster in real time.
        await Task.Delay(clock.RealTime(TimeSpan.FromSeconds(seconds)), cancellationToken);
        return 0;
    }

    private async Task<int> KuardAsync(IReadOnlyList<string> argv, ProcessIo io)
    {
        if (argv.Skip(1).Any(a => a is "-h" or "--help" or "-help"))
        {
            await io.WriteErrorAsync(KuardUsage(argv[0]));
            return 0;
        }
        // The container's own kuard already holds the port.
        var stamp = clock.Now.UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        await io.WriteErrorAsync($"{stamp} Starting kuard version: v0.10.0-blue\n{stamp} Serving on HTTP on :8080\n{stamp} listen tcp :8080: bind: address already in use\n");
        return 1;
    }

    private static string KuardUsage(string program) =>
        $"Usage of {program}:\n" +
        "      --address string               The address to serve on (default \":8080\")\n" +
        "      --debug                        Debug mode\n" +
        "      --keygen-enable                Enable KeyGen workload on startup\n" +
        "      --keygen-num-to-gen int        The number of keys to generate. Set to 0 for infinite\n" +
        "      --keygen-time-to-run int       The target run time in seconds. Set to 0 for infinite\n" +
        "      --keygen-workers int           Number of keygen workers (default 1)\n" +
        "      --liveness-fail-next int       Fail the next N liveness checks\n" +
        "      --readiness-fail-next int      Fail the next N readiness checks\n" +
        "      --tls-address string           The address to serve on with TLS (default \":8443\")\n" +
        "      --tls-dir string               The directory with server.key and server.crt (default \"/tls\")\n";

    /// <summary>busybox sh: `-c SCRIPT`, a script file (there are none), an interactive shell on a terminal, or commands from stdin.</summary>
    private async Task<int> ShellAsync(IReadOnlyList<string> argv, ProcessIo io, ShellState state, CancellationToken cancellationToken)
    {
        var index = 1;
        var command = false;
        while (index < argv.Count && argv[index].StartsWith('-') && argv[index] != "-")
        {
            command |= argv[index].Contains('c', StringComparison.Ordinal);
            index++;
        }
        if (command)
        {
            if (index >= argv.Count)
            {
                await io.WriteErrorAsync("sh: -c requires an argument\n");
                return 2;
            }
            return (await RunScriptAsync(argv[index], io, state, cancellationToken)).ExitCode;
        }
        if (index < argv.Count && argv[index] != "-")
        {
            await io.WriteErrorAsync($"sh: can't open '{argv[index]}': No such file or directory\n");
            return 2;
        }
        return io.Tty ? await InteractiveAsync(io, state, cancellationToken) : await ScriptFromInputAsync(io, state, cancellationToken);
    }

    private async Task<int> ScriptFromInputAsync(ProcessIo io, ShellState state, CancellationToken cancellationToken)
    {
        while (await io.ReadLineAsync(cancellationToken) is { } line)
        {
            if (await RunScriptAsync(line, io, state, cancellationToken) is { Exited: true } outcome)
            {
                return outcome.ExitCode;
            }
        }
        return state.LastStatus;
    }

    private async Task<int> InteractiveAsync(ProcessIo io, ShellState state, CancellationToken cancellationToken)
    {
        while (true)
        {
            await io.WriteOutAsync(Prompt);
            string? line;
            try
            {
                line = await io.ReadLineAsync(cancellationToken);
            }
            catch (TerminalInterrupt)
            {
                continue;
            }
            if (line is null)
            {
                return state.LastStatus;
            }
            if (await RunScriptAsync(line, io, state, cancellationToken) is { Exited: true } outcome)
            {
                return outcome.ExitCode;
            }
        }
    }

    private async Task<ScriptOutcome> RunScriptAsync(string script, ProcessIo io, ShellState state, CancellationToken cancellationToken)
    {
        var parsed = ShellScript.Parse(script);
        if (parsed.Error is { } error)
        {
            await io.WriteErrorAsync(error + "\n");
            state.LastStatus = 2;
            return new ScriptOutcome(false, 2);
        }
        foreach (var command in parsed.Commands)
        {
            if ((command.Connector == "&&" && state.LastStatus != 0) || (command.Connector == "||" && state.LastStatus == 0))
            {
                continue;
            }
            var argv = state.Expand(command.Words);
            if (argv.Count == 0)
            {
                continue;
            }
            if (argv[0] == "exit")
            {
                return await ExitAsync(argv, io, state);
            }
            if (argv.Count == 1 && ShellState.Assignment(argv[0]) is { } assignment)
            {
                state.Variables[assignment.Name] = assignment.Value;
                state.LastStatus = 0;
                continue;
            }
            if (Resolve(argv[0]) is { } program)
            {
                state.LastStatus = await RunAsync(program, argv, io, state, cancellationToken);
            }
            else
            {
                await io.WriteErrorAsync($"sh: {argv[0]}: not found\n");
                state.LastStatus = 127;
            }
        }
        return new ScriptOutcome(false, state.LastStatus);
    }

    private static async Task<ScriptOutcome> ExitAsync(IReadOnlyList<string> argv, ProcessIo io, ShellState state)
    {
        if (argv.Count < 2)
        {
            return new ScriptOutcome(true, state.LastStatus);
        }
        if (!int.TryParse(argv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) || code < 0)
        {
            await io.WriteErrorAsync($"sh: exit: Illegal number: {argv[1]}\n");
            return new ScriptOutcome(true, 2);
        }
        // The exit status is one byte.
        return new ScriptOutcome(true, code & 0xFF);
    }

    private static string Absolute(string path) => path.StartsWith('/') ? path : "/" + path.TrimStart('.', '/');

    /// <summary>busybox date's default format: "Tue Jun  3 10:15:00 UTC 2025".</summary>
    private static string FormatDate(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc:ddd MMM} {utc.Day,2} {utc:HH:mm:ss} UTC {utc:yyyy}");
    }

    private readonly record struct ScriptOutcome(bool Exited, int ExitCode);
}
