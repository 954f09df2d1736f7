using System.Globalization;
using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>The busybox applets (and /kuard), with busybox's output, messages and exit codes.</summary>
public sealed partial class ShellInterpreter
{
    private const string Prompt = "/ # ";

    private IEnumerable<ShellEffect> Program(string program, IReadOnlyList<string> argv, Io io)
    {
        switch (program)
        {
            case "sleep":
                return Sleep(argv, io);
            case "cat":
                return Cat(argv, io);
            case "sh" or "ash":
                return Shell(argv, io);
            case "tar":
                return Tar(argv, io);
        }
        _status = program switch
        {
            "echo" => Echo(argv, io),
            "printf" => Printf(argv, io),
            "ls" => List(argv, io),
            "env" => Lines(io, _facts.Environment.Select(pair => $"{pair.Key}={pair.Value}")),
            "printenv" => PrintEnvironment(argv, io),
            "hostname" => Lines(io, [_facts.Hostname]),
            "date" => Lines(io, [argv.Count > 1 && argv[1].StartsWith('+') ? FormatDate(_now(), argv[1][1..]) : FormatDate(_now())]),
            "true" => 0,
            "false" => 1,
            "pwd" => Lines(io, ["/"]),
            "whoami" => Lines(io, ["root"]),
            "test" or "[" => ShellTest.Run(argv, _files, io.Err.Write),
            "mkdir" => MakeFolders(argv, io),
            "rm" => RemoveFiles(argv, io),
            "touch" => Touch(argv, io),
            "kuard" => Kuard(argv, io),
            _ => NotFound(argv, io),
        };
        return [];
    }

    private int NotFound(IReadOnlyList<string> argv, Io io)
    {
        io.Err.Write($"sh: {argv[0]}: not found\n");
        return 127;
    }

    private static int Lines(Io io, IEnumerable<string> lines)
    {
        io.Out.Write(string.Concat(lines.Select(line => line + "\n")));
        return 0;
    }

    private static int Echo(IReadOnlyList<string> argv, Io io)
    {
        var noNewline = argv.Count > 1 && argv[1] == "-n";
        var words = argv.Skip(noNewline ? 2 : 1);
        io.Out.Write(string.Join(' ', words) + (noNewline ? "" : "\n"));
        return 0;
    }

    // printf FORMAT ARGS: %s %d %i %% and the escapes \n \t \\; the format repeats while arguments remain.
    private static int Printf(IReadOnlyList<string> argv, Io io)
    {
        if (argv.Count < 2)
        {
            io.Err.Write("printf: usage: printf FORMAT [ARGUMENT...]\n");
            return 1;
        }
        var format = argv[1];
        var arguments = new Queue<string>(argv.Skip(2));
        var output = new StringBuilder();
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\\' && i + 1 < format.Length)
                {
                    i++;
                    output.Append(format[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => format[i] });
                }
                else if (c == '%' && i + 1 < format.Length)
                {
                    i++;
                    var argument = format[i] == '%' ? "%" : arguments.Count > 0 ? arguments.Dequeue() : "";
                    output.Append(format[i] is 'd' or 'i' ? ShellArithmetic.Number(argument.Length == 0 ? "0" : argument).ToString(CultureInfo.InvariantCulture) : argument);
                }
                else
                {
                    output.Append(c);
                }
            }
        }
        while (arguments.Count > 0);
        io.Out.Write(output.ToString());
        return 0;
    }

    private IEnumerable<ShellEffect> Sleep(IReadOnlyList<string> argv, Io io)
    {
        if (argv.Count < 2 || ParseDuration(argv[1]) is not { } duration)
        {
            io.Err.Write(argv.Count < 2 ? "sleep: missing operand\n" : $"sleep: invalid number '{argv[1]}'\n");
            _status = 1;
            yield break;
        }
        _sleeps++;
        foreach (var effect in Pause(duration, busy: false))
        {
            yield return effect;
        }
        _status = 0;
    }

    /// <summary>busybox sleep's argument: seconds (fractions too), with an s/m/h/d suffix, or "inf"/"infinity".</summary>
    private static TimeSpan? ParseDuration(string text)
    {
        if (text is "inf" or "infinity")
        {
            return Timeout.InfiniteTimeSpan;
        }
        var suffixed = text.Length > 0 && char.IsAsciiLetter(text[^1]);
        var number = suffixed ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        return (suffixed ? text[^1] : 's') switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => null,
        };
    }

    private IEnumerable<ShellEffect> Cat(IReadOnlyList<string> argv, Io io)
    {
        var files = argv.Skip(1).ToList();
        if (files.Count == 0 || files is ["-"])
        {
            while (true)
            {
                var read = new ShellRead(ShellReadMode.Chunk);
                foreach (var effect in Read(io.In, read))
                {
                    yield return effect;
                }
                if (read.Interrupted)
                {
                    _status = 130;
                    yield break;
                }
                if (read.Text is null)
                {
                    break;
                }
                io.Out.Write(read.Bytes ?? Encoding.UTF8.GetBytes(read.Text));
                foreach (var output in Drain())
                {
                    yield return output;
                }
            }
            _status = 0;
            yield break;
        }
        var status = 0;
        foreach (var file in files)
        {
            if (_files.ReadFile(file) is { } content)
            {
                io.Out.Write(content);
            }
            else
            {
                io.Err.Write(_files.Stat(file) is null
                    ? $"cat: can't open '{file}': No such file or directory\n"
                    : "cat: read error: Is a directory\n");
                status = 1;
            }
        }
        _status = status;
    }

    private int List(IReadOnlyList<string> argv, Io io)
    {
        var options = string.Concat(argv.Skip(1).Where(a => a.StartsWith('-') && a.Length > 1).Select(a => a[1..]));
        var longFormat = options.Contains('l', StringComparison.Ordinal);
        var all = options.Contains('a', StringComparison.Ordinal);
        var paths = argv.Skip(1).Where(a => !a.StartsWith('-') || a == "-").ToList();
        if (paths.Count == 0)
        {
            paths.Add(".");
        }
        var status = 0;
        var output = new StringBuilder();
        foreach (var path in paths)
        {
            if (_files.Stat(path) is not { } node)
            {
                io.Err.Write($"ls: {path}: No such file or directory\n");
                status = 1;
                continue;
            }
            if (paths.Count > 1 && node.IsFolder)
            {
                output.Append(path).Append(":\n");
            }
            var entries = node.IsFolder ? _files.List(path)! : [node with { Name = path }];
            if (all && node.IsFolder)
            {
                entries = [node with { Name = "." }, node with { Name = ".." }, .. entries];
            }
            if (longFormat)
            {
                foreach (var entry in entries)
                {
                    output.Append(LongListing(entry)).Append('\n');
                }
            }
            else if (_tty)
            {
                // busybox ls prints columns onto a terminal and one name a line into a pipe.
                output.Append(string.Join("  ", entries.Select(e => e.Name))).Append(entries.Count > 0 ? "\n" : "");
            }
            else
            {
                output.Append(string.Concat(entries.Select(e => e.Name + "\n")));
            }
        }
        io.Out.Write(output.ToString());
        return status;
    }

    private static string LongListing(ContainerFileSystem.Node node)
    {
        var time = node.Modified.UtcDateTime;
        var mode = node.IsFolder ? "drwxr-xr-x" : "-rw-r--r--";
        var links = node.IsFolder ? 2 : 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"{mode} {links,4} root     root     {node.Size,9} {time:MMM} {time.Day,2} {time:HH:mm} {node.Name}");
    }

    private int PrintEnvironment(IReadOnlyList<string> argv, Io io)
    {
        if (argv.Count == 1)
        {
            return Lines(io, _facts.Environment.Select(pair => $"{pair.Key}={pair.Value}"));
        }
        var values = argv.Skip(1).Select(name => _facts.Environment.FirstOrDefault(pair => pair.Key == name)).ToList();
        Lines(io, values.Where(v => v.Key is not null).Select(v => v.Value));
        return values.All(v => v.Key is not null) ? 0 : 1;
    }

    private int MakeFolders(IReadOnlyList<string> argv, Io io)
    {
        var parents = argv.Skip(1).Any(a => a.StartsWith('-') && a.Contains('p', StringComparison.Ordinal));
        var status = 0;
        foreach (var path in argv.Skip(1).Where(a => !a.StartsWith('-')))
        {
            if (_files.CreateFolder(path, parents, _now()) is { } error)
            {
                io.Err.Write($"mkdir: can't create directory '{path}': {error}\n");
                status = 1;
            }
        }
        return status;
    }

    private int RemoveFiles(IReadOnlyList<string> argv, Io io)
    {
        var options = string.Concat(argv.Skip(1).Where(a => a.StartsWith('-')).Select(a => a[1..]));
        var recursive = options.Contains('r', StringComparison.OrdinalIgnoreCase);
        var force = options.Contains('f', StringComparison.Ordinal);
        var status = 0;
        foreach (var path in argv.Skip(1).Where(a => !a.StartsWith('-')))
        {
            var node = _files.Stat(path);
            if (node is null)
            {
                if (!force)
                {
                    io.Err.Write($"rm: can't remove '{path}': No such file or directory\n");
                    status = 1;
                }
                continue;
            }
            if (node.IsFolder && !recursive)
            {
                io.Err.Write($"rm: '{path}' is a directory\n");
                status = 1;
                continue;
            }
            _files.Remove(path);
        }
        return status;
    }

    private int Touch(IReadOnlyList<string> argv, Io io)
    {
        var status = 0;
        foreach (var path in argv.Skip(1).Where(a => !a.StartsWith('-')))
        {
            if (!_files.Touch(path, _now()))
            {
                io.Err.Write($"touch: {path}: No such file or directory\n");
                status = 1;
            }
        }
        return status;
    }

    private int Kuard(IReadOnlyList<string> argv, Io io)
    {
        if (argv.Skip(1).Any(a => a is "-h" or "--help" or "-help"))
        {
            io.Err.Write(KuardUsage(argv[0]));
            return 0;
        }
        // The container's own kuard already holds the port.
        var stamp = _now().UtcDateTime.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        io.Err.Write($"{stamp} Starting kuard version: v0.10.0-blue\n{stamp} Serving on HTTP on :8080\n{stamp} listen tcp :8080: bind: address already in use\n");
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

    /// <summary>busybox sh: `-c SCRIPT`, a script file, an interactive shell on a terminal, or commands from stdin.</summary>
    private IEnumerable<ShellEffect> Shell(IReadOnlyList<string> argv, Io io)
    {
        var index = 1;
        var command = false;
        while (index < argv.Count && argv[index].StartsWith('-') && argv[index] != "-")
        {
            command |= argv[index].Contains('c', StringComparison.Ordinal);
            index++;
        }
        // A nested sh is a child process: its own variables (a copy) and exit.
        var child = _shellStarted ? Child() : this;
        _shellStarted = true;
        IEnumerable<ShellEffect> body;
        if (command)
        {
            if (index >= argv.Count)
            {
                io.Err.Write("sh: -c requires an argument\n");
                _status = 2;
                return [];
            }
            body = child.Script(argv[index], io);
        }
        else if (index < argv.Count && argv[index] != "-")
        {
            if (_files.ReadFile(argv[index]) is { } script)
            {
                body = child.Script(Encoding.UTF8.GetString(script), io);
            }
            else
            {
                io.Err.Write($"sh: can't open '{argv[index]}': No such file or directory\n");
                _status = 2;
                return [];
            }
        }
        else
        {
            body = _tty && io.In.Content is null ? child.Interactive(io) : child.ScriptFromInput(io);
        }
        return child == this ? body : Finish(body, child);
    }

    private IEnumerable<ShellEffect> Finish(IEnumerable<ShellEffect> body, ShellInterpreter child)
    {
        foreach (var effect in body)
        {
            yield return effect;
        }
        _status = child._status;
    }

    private ShellInterpreter Child()
    {
        var child = new ShellInterpreter(_facts, _files, _random, _now, _tty, _outbox) { _shellStarted = true };
        foreach (var (name, value) in _variables)
        {
            child._variables[name] = value;
        }
        return child;
    }

    private IEnumerable<ShellEffect> ScriptFromInput(Io io)
    {
        while (!_exiting)
        {
            var read = new ShellRead(ShellReadMode.Line);
            foreach (var effect in Read(io.In, read))
            {
                yield return effect;
            }
            if (read.Text is null)
            {
                yield break;
            }
            foreach (var effect in Script(read.Text, io))
            {
                yield return effect;
            }
        }
    }

    private IEnumerable<ShellEffect> Interactive(Io io)
    {
        while (!_exiting)
        {
            io.Out.Write(Prompt);
            var read = new ShellRead(ShellReadMode.Line);
            foreach (var effect in Read(io.In, read))
            {
                yield return effect;
            }
            if (read.Interrupted)
            {
                continue;
            }
            if (read.Text is null)
            {
                yield break;
            }
            foreach (var effect in Script(read.Text, io))
            {
                yield return effect;
            }
        }
    }

    /// <summary>date +FORMAT: the strftime conversions scripts use (%s %Y %m %d %H %M %S %T %F %%).</summary>
    private static string FormatDate(DateTimeOffset now, string format)
    {
        var utc = now.UtcDateTime;
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                text.Append(format[i]);
                continue;
            }
            i++;
            text.Append(format[i] switch
            {
                's' => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                'Y' => utc.ToString("yyyy", CultureInfo.InvariantCulture),
                'm' => utc.ToString("MM", CultureInfo.InvariantCulture),
                'd' => utc.ToString("dd", CultureInfo.InvariantCulture),
                'H' => utc.ToString("HH", CultureInfo.InvariantCulture),
                'M' => utc.ToString("mm", CultureInfo.InvariantCulture),
                'S' => utc.ToString("ss", CultureInfo.InvariantCulture),
                'T' => utc.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                'F' => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                '%' => "%",
                var other => "%" + other,
            });
        }
        return text.ToString();
    }

    /// <summary>busybox date's default format: "Tue Jun  3 10:15:00 UTC 2025".</summary>
    private static string FormatDate(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc:ddd MMM} {utc.Day,2} {utc:HH:mm:ss} UTC {utc:yyyy}");
    }
}
