using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// A parsed shell script: simple commands joined by `;`, newlines, `&amp;&amp;` and `||`, with words built from
/// unquoted, 'single-quoted' and "double-quoted" pieces. Enough of POSIX sh for one-liners typed into kubectl exec;
/// pipes, redirections and background jobs are reported as unsupported.
/// </summary>
public sealed class ShellScript
{
    private ShellScript(IReadOnlyList<ShellCommand> commands, string? error)
    {
        Commands = commands;
        Error = error;
    }

    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>Why the script cannot run (worded as busybox sh words it where it has a word for it), or null.</summary>
    public string? Error { get; }

    public static ShellScript Parse(string script) => new Parser(script).Run();

    /// <summary>One simple command and how it joins the one before: ";" runs always, "&amp;&amp;" after success, "||" after failure.</summary>
    public sealed record ShellCommand(string Connector, IReadOnlyList<ShellWord> Words);

    /// <summary>One word: pieces that expand $variables or not, and whether any piece was quoted.</summary>
    public sealed record ShellWord(IReadOnlyList<WordPart> Parts)
    {
        public bool Quoted => Parts.Any(p => p.Quoted);
    }

    public readonly record struct WordPart(string Text, bool Expands, bool Quoted);

    private sealed class Parser(string script)
    {
        private readonly List<ShellCommand> _commands = [];
        private readonly List<ShellWord> _words = [];
        private readonly List<WordPart> _parts = [];
        private bool _inWord;
        private string _connector = ";";
        private int _position;

        public ShellScript Run()
        {
            while (_position < script.Length)
            {
                var c = script[_position];
                switch (c)
                {
                    case ' ' or '\t':
                        EndWord();
                        _position++;
                        break;
                    case '\n' or ';':
                        EndCommand(";");
                        _position++;
                        break;
                    case '&' or '|' when Peek(1) == c:
                        EndCommand(c == '&' ? "&&" : "||");
                        _position += 2;
                        break;
                    case '&' or '|' or '<' or '>' or '(' or ')' or '`':
                        return Failure("sh: pipes, redirections, subshells and background jobs are not supported by the fake cluster's shell");
                    case '#' when !_inWord:
                        while (_position < script.Length && script[_position] != '\n')
                        {
                            _position++;
                        }
                        break;
                    case '\'':
                        var end = script.IndexOf('\'', _position + 1);
                        if (end < 0)
                        {
                            return Failure("sh: syntax error: unterminated quoted string");
                        }
                        Add(script[(_position + 1)..end], expands: false, quoted: true);
                        _position = end + 1;
                        break;
                    case '"':
                        if (!DoubleQuoted())
                        {
                            return Failure("sh: syntax error: unterminated quoted string");
                        }
                        break;
                    case '\\':
                        if (Peek(1) is { } escaped && escaped != '\n')
                        {
                            Add(escaped.ToString(), expands: false, quoted: true);
                        }
                        _position += 2;
                        break;
                    default:
                        Unquoted();
                        break;
                }
            }
            EndCommand(";");
            return new ShellScript(_commands, null);
        }

        private char? Peek(int offset) => _position + offset < script.Length ? script[_position + offset] : null;

        private void Unquoted()
        {
            var start = _position;
            while (_position < script.Length && !IsSpecial(script[_position]))
            {
                _position++;
            }
            Add(script[start.._position], expands: true, quoted: false);
        }

        private static bool IsSpecial(char c) => c is ' ' or '\t' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')' or '`' or '\'' or '"' or '\\';

        // Inside double quotes $ still expands; a backslash escapes only $ ` " \ and newline.
        private bool DoubleQuoted()
        {
            _position++;
            var run = new StringBuilder();
            while (_position < script.Length)
            {
                var c = script[_position];
                if (c == '"')
                {
                    Add(run.ToString(), expands: true, quoted: true);
                    _position++;
                    return true;
                }
                if (c == '\\' && Peek(1) is '$' or '`' or '"' or '\\' or '\n')
                {
                    Add(run.ToString(), expands: true, quoted: true);
                    run.Clear();
                    if (script[_position + 1] != '\n')
                    {
                        Add(script[_position + 1].ToString(), expands: false, quoted: true);
                    }
                    _position += 2;
                    continue;
                }
                run.Append(c);
                _position++;
            }
            return false;
        }

        private void Add(string text, bool expands, bool quoted)
        {
            _inWord = true;
            _parts.Add(new WordPart(text, expands, quoted));
        }

        private void EndWord()
        {
            if (_inWord)
            {
                _words.Add(new ShellWord([.. _parts]));
                _parts.Clear();
                _inWord = false;
            }
        }

        private void EndCommand(string nextConnector)
        {
            EndWord();
            if (_words.Count > 0)
            {
                _commands.Add(new ShellCommand(_connector, [.. _words]));
                _words.Clear();
                _connector = nextConnector;
            }
            else if (nextConnector != ";")
            {
                _connector = nextConnector;
            }
        }

        private ShellScript Failure(string error) => new([], error);
    }
}
