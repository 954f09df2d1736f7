using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static PSKube.FakeCluster.Streaming.ShellScript;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// busybox sh and its applets, as the fake cluster's containers run them: one process (its main command or a kubectl
/// exec) from argv to exit code. It runs synchronously and hands out <see cref="ShellEffect"/>s (output, time passing,
/// stdin reads) to the runner, which plays them on the kubelet's clock or on a WebSocket. Files live in the
/// container's <see cref="ContainerFileSystem"/>.
/// </summary>
public sealed partial class ShellInterpreter
{
    /// <summary>The moment each iteration of a loop takes at least, so a loop without sleep still moves the clock on.</summary>
    private static readonly TimeSpan IterationCost = TimeSpan.FromMilliseconds(1);

    private const int IterationsPerBusyPause = 100;

    private static readonly HashSet<string> Applets =
        ["echo", "printf", "cat", "ls", "env", "printenv", "hostname", "date", "sleep", "true", "false", "pwd", "whoami", "sh", "ash",
         "test", "[", "mkdir", "rm", "touch", "tar"];

    private static readonly string[] BinaryFolders = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin"];

    private readonly ContainerFacts _facts;
    private readonly ContainerFileSystem _files;
    private readonly Random _random;
    private readonly Func<DateTimeOffset> _now;
    private readonly bool _tty;
    private readonly List<ShellOutput> _outbox;
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private int _status;
    private bool _exiting;
    private int _breaking;
    private int _continuing;
    private int _loopDepth;
    private int _busyIterations;
    private int _sleeps;
    private bool _shellStarted;

    /// <param name="now">The process's clock: the kubelet's step time for a main process, the cluster clock for exec.</param>
    public ShellInterpreter(ContainerFacts facts, ContainerFileSystem files, Random random, Func<DateTimeOffset> now, bool tty)
        : this(facts, files, random, now, tty, [])
    {
        foreach (var (name, value) in facts.Environment)
        {
            _variables[name] = value;
        }
    }

    private ShellInterpreter(ContainerFacts facts, ContainerFileSystem files, Random random, Func<DateTimeOffset> now, bool tty, List<ShellOutput> outbox)
    {
        _facts = facts;
        _files = files;
        _random = random;
        _now = now;
        _tty = tty;
        _outbox = outbox;
    }

    /// <summary>The process's exit status once <see cref="Run"/> has been read to the end.</summary>
    public int ExitCode { get; private set; }

    /// <summary>
    /// The applet a command name or path runs, or null when the image has no such executable ("kuard" for /kuard
    /// in kuard images).
    /// </summary>
    public static string? Resolve(string name, ContainerFacts facts)
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

    /// <summary>Runs the program <paramref name="argv"/> names (resolve it first) with the process's own stdio.</summary>
    public IEnumerable<ShellEffect> Run(IReadOnlyList<string> argv)
    {
        var io = new Io(new Source(null), new ProcessSink(_outbox, error: false), new ProcessSink(_outbox, error: true));
        var program = Resolve(argv[0], _facts) ?? argv[0];
        foreach (var effect in Program(program, argv, io))
        {
            yield return effect;
        }
        foreach (var output in Drain())
        {
            yield return output;
        }
        ExitCode = _status & 0xFF;
    }

    private sealed record Io(Source In, Sink Out, Sink Err);

    private IEnumerable<ShellOutput> Drain()
    {
        var outputs = _outbox.ToList();
        _outbox.Clear();
        return outputs;
    }

    private IEnumerable<ShellEffect> Pause(TimeSpan duration, bool busy)
    {
        foreach (var output in Drain())
        {
            yield return output;
        }
        yield return new ShellPause(duration, busy);
    }

    /// <summary>Fills <paramref name="request"/> from a file or /dev/null, or asks the runner when it is the process's stdin.</summary>
    private IEnumerable<ShellEffect> Read(Source source, ShellRead request)
    {
        if (source.Content is null)
        {
            foreach (var output in Drain())
            {
                yield return output;
            }
            yield return request;
            yield break;
        }
        source.Fill(request);
    }

    private IEnumerable<ShellEffect> Script(string text, Io io)
    {
        var parsed = ShellScript.Parse(text);
        if (parsed.Error is { } error)
        {
            io.Err.Write(error + "\n");
            _status = 2;
            return [];
        }
        return Node(parsed.Body!, io);
    }

    private IEnumerable<ShellEffect> Node(ShellNode node, Io io)
    {
        if (_exiting || _breaking > 0 || _continuing > 0)
        {
            return [];
        }
        return node switch
        {
            SimpleCommand simple => Simple(simple, io),
            Sequence sequence => SequenceOf(sequence, io),
            AndOr andOr => Both(andOr, io),
            Negation negation => Negate(negation, io),
            Loop loop => While(loop, io),
            ForLoop forLoop => For(forLoop, io),
            Conditional conditional => If(conditional, io),
            ShellScript.Group group => Grouped(group, io),
            _ => throw new InvalidOperationException($"No interpretation for {node.GetType().Name}."),
        };
    }

    private IEnumerable<ShellEffect> SequenceOf(Sequence sequence, Io io)
    {
        foreach (var command in sequence.Commands)
        {
            foreach (var effect in Node(command, io))
            {
                yield return effect;
            }
        }
    }

    private IEnumerable<ShellEffect> Both(AndOr andOr, Io io)
    {
        foreach (var effect in Node(andOr.Left, io))
        {
            yield return effect;
        }
        if ((_status == 0) == andOr.RunsOnSuccess)
        {
            foreach (var effect in Node(andOr.Right, io))
            {
                yield return effect;
            }
        }
    }

    private IEnumerable<ShellEffect> Negate(Negation negation, Io io)
    {
        foreach (var effect in Node(negation.Command, io))
        {
            yield return effect;
        }
        _status = _status == 0 ? 1 : 0;
    }

    private IEnumerable<ShellEffect> If(Conditional conditional, Io io)
    {
        foreach (var (condition, body) in conditional.Branches)
        {
            foreach (var effect in Node(condition, io))
            {
                yield return effect;
            }
            if (_status == 0)
            {
                foreach (var effect in Node(body, io))
                {
                    yield return effect;
                }
                yield break;
            }
        }
        _status = 0;
        if (conditional.Otherwise is { } otherwise)
        {
            foreach (var effect in Node(otherwise, io))
            {
                yield return effect;
            }
        }
    }

    private IEnumerable<ShellEffect> While(Loop loop, Io io)
    {
        var status = 0;
        _loopDepth++;
        try
        {
            while (!_exiting)
            {
                foreach (var effect in Node(loop.Condition, io))
                {
                    yield return effect;
                }
                if (_exiting || (_status == 0) == loop.Until)
                {
                    break;
                }
                foreach (var effect in Body(loop.Body, io))
                {
                    yield return effect;
                }
                status = _status;
                if (EndsLoop())
                {
                    break;
                }
            }
        }
        finally
        {
            _loopDepth--;
        }
        _status = status;
    }

    private IEnumerable<ShellEffect> For(ForLoop loop, Io io)
    {
        var items = new List<string>();
        foreach (var effect in Expand(loop.Items, io, items))
        {
            yield return effect;
        }
        _status = 0;
        _loopDepth++;
        try
        {
            foreach (var item in items)
            {
                _variables[loop.Name] = item;
                foreach (var effect in Body(loop.Body, io))
                {
                    yield return effect;
                }
                if (_exiting || EndsLoop())
                {
                    break;
                }
            }
        }
        finally
        {
            _loopDepth--;
        }
    }

    // One iteration's body; an iteration that did not sleep costs a moment of busy time.
    private IEnumerable<ShellEffect> Body(ShellNode body, Io io)
    {
        var sleptBefore = _sleeps;
        foreach (var effect in Node(body, io))
        {
            yield return effect;
        }
        if (_continuing > 0)
        {
            _continuing--;
        }
        if (_sleeps == sleptBefore && ++_busyIterations % IterationsPerBusyPause == 0)
        {
            foreach (var effect in Pause(IterationCost * IterationsPerBusyPause, busy: true))
            {
                yield return effect;
            }
        }
    }

    // break N leaves N loops: this one counts one of them.
    private bool EndsLoop()
    {
        if (_breaking > 0)
        {
            _breaking--;
            return true;
        }
        return _continuing > 0;
    }

    private IEnumerable<ShellEffect> Grouped(ShellScript.Group group, Io io)
    {
        var redirected = Redirect(group.Redirections, io);
        if (redirected is null)
        {
            return [];
        }
        return Node(group.Body, redirected);
    }

    private IEnumerable<ShellEffect> Simple(SimpleCommand command, Io io)
    {
        var assignments = command.Words.TakeWhile(w => w.Parts is [{ Quoted: false } first, ..] && AssignmentStart().IsMatch(first.Text)).ToList();
        var argv = new List<string>();
        foreach (var assignment in assignments)
        {
            var value = new List<string>();
            foreach (var effect in Expand([assignment], io, value, split: false))
            {
                yield return effect;
            }
            var text = value.Count > 0 ? value[0] : "";
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            _variables[text[..equals]] = text[(equals + 1)..];
        }
        foreach (var effect in Expand(command.Words.Skip(assignments.Count).ToList(), io, argv))
        {
            yield return effect;
        }
        var redirected = Redirect(command.Redirections, io);
        if (redirected is null)
        {
            yield break;
        }
        if (argv.Count == 0)
        {
            _status = 0;
            yield break;
        }
        foreach (var effect in Command(argv, redirected))
        {
            yield return effect;
        }
        foreach (var output in Drain())
        {
            yield return output;
        }
    }

    private IEnumerable<ShellEffect> Command(List<string> argv, Io io)
    {
        switch (argv[0])
        {
            case "exit":
                Exit(argv, io);
                return [];
            case "break" or "continue":
                LoopControl(argv, io);
                return [];
            case "export" or "readonly" or "local":
                foreach (var word in argv.Skip(1))
                {
                    var equals = word.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        _variables[word[..equals]] = word[(equals + 1)..];
                    }
                }
                _status = 0;
                return [];
            case "unset":
                foreach (var name in argv.Skip(1))
                {
                    _variables.Remove(name);
                }
                _status = 0;
                return [];
            case ":":
                _status = 0;
                return [];
            case "cd":
                return ChangeFolder(argv, io);
        }
        if (Resolve(argv[0], _facts) is { } program)
        {
            return Program(program, argv, io);
        }
        io.Err.Write($"sh: {argv[0]}: not found\n");
        _status = 127;
        return [];
    }

    // Every process works in /: cd checks the folder and stays.
    private IEnumerable<ShellEffect> ChangeFolder(List<string> argv, Io io)
    {
        if (argv.Count > 1 && _files.Stat(argv[1]) is not { IsFolder: true })
        {
            io.Err.Write($"sh: cd: can't cd to {argv[1]}: No such file or directory\n");
            _status = 2;
            return [];
        }
        _status = 0;
        return [];
    }

    private void Exit(List<string> argv, Io io)
    {
        _exiting = true;
        if (argv.Count < 2)
        {
            return;
        }
        if (!int.TryParse(argv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) || code < 0)
        {
            io.Err.Write($"sh: exit: Illegal number: {argv[1]}\n");
            _status = 2;
            return;
        }
        _status = code & 0xFF;
    }

    private void LoopControl(List<string> argv, Io io)
    {
        var count = 1;
        if (argv.Count > 1 && (!int.TryParse(argv[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            io.Err.Write($"sh: {argv[0]}: Illegal number: {argv[1]}\n");
            _status = 1;
            return;
        }
        _status = 0;
        if (_loopDepth == 0)
        {
            return;
        }
        count = Math.Min(count, _loopDepth);
        if (argv[0] == "break")
        {
            _breaking = count;
        }
        else
        {
            // continue N leaves N-1 loops and continues the Nth.
            _breaking = count - 1;
            _continuing = 1;
        }
    }

    /// <summary>The streams with the redirections applied, or null (and a status of 1) when a file cannot be opened.</summary>
    private Io? Redirect(IReadOnlyList<Redirection> redirections, Io io)
    {
        foreach (var redirection in redirections)
        {
            var target = ExpandPlain(redirection.Target);
            if (redirection.Operator is ">&" or "<&")
            {
                var duplicate = target switch
                {
                    "1" => io.Out,
                    "2" => io.Err,
                    _ => null,
                };
                if (duplicate is null)
                {
                    io.Err.Write($"sh: {target}: bad file descriptor\n");
                    _status = 1;
                    return null;
                }
                io = redirection.Descriptor == 2 ? io with { Err = duplicate } : io with { Out = duplicate };
                continue;
            }
            if (redirection.Operator == "<")
            {
                var content = target == "/dev/null" ? [] : _files.ReadFile(target);
                if (content is null)
                {
                    io.Err.Write($"sh: can't open '{target}': No such file or directory\n");
                    _status = 1;
                    return null;
                }
                io = io with { In = new Source(content) };
                continue;
            }
            Sink sink;
            if (target == "/dev/null")
            {
                sink = new CaptureSink();
            }
            else
            {
                if (_files.WriteFile(target, [], append: redirection.Operator == ">>", _now()) is { } error)
                {
                    io.Err.Write($"sh: can't create {target}: {error}\n");
                    _status = 1;
                    return null;
                }
                sink = new FileSink(_files, target, _now);
            }
            io = redirection.Descriptor == 2 ? io with { Err = sink } : io with { Out = sink };
        }
        return io;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex AssignmentStart();

    /// <summary>Where a process's output goes: its own stdout/stderr, a file, or a capture ($(...), /dev/null).</summary>
    private abstract class Sink
    {
        public abstract void Write(byte[] data);

        public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));
    }

    private sealed class ProcessSink(List<ShellOutput> outbox, bool error) : Sink
    {
        public override void Write(byte[] data)
        {
            if (data.Length > 0)
            {
                outbox.Add(new ShellOutput(error, data));
            }
        }
    }

    private sealed class FileSink(ContainerFileSystem files, string path, Func<DateTimeOffset> now) : Sink
    {
        public override void Write(byte[] data) => files.WriteFile(path, data, append: true, now());
    }

    private sealed class CaptureSink : Sink
    {
        private readonly MemoryStream _captured = new();

        public string Text => Encoding.UTF8.GetString(_captured.ToArray());

        public override void Write(byte[] data) => _captured.Write(data);
    }

    /// <summary>Stdin: the process's own (<see cref="Content"/> null: the runner reads it) or a file's content.</summary>
    private sealed class Source(byte[]? content)
    {
        private int _position;

        public byte[]? Content { get; } = content;

        /// <summary>The next line, or the rest at once, of the file; nothing once it is all read.</summary>
        public void Fill(ShellRead request)
        {
            if (Content is null || _position >= Content.Length)
            {
                return;
            }
            var rest = Content.AsSpan(_position);
            if (request.Mode == ShellReadMode.Line)
            {
                var newline = rest.IndexOf((byte)'\n');
                var line = newline < 0 ? rest : rest[..newline];
                request.Text = Encoding.UTF8.GetString(line);
                _position += newline < 0 ? rest.Length : newline + 1;
                return;
            }
            _position = Content.Length;
            request.Bytes = rest.ToArray();
            request.Text = Encoding.UTF8.GetString(rest);
        }
    }
}
