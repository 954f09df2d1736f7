using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// A parsed shell script, enough of POSIX sh for what tutorials type into a container command or kubectl exec:
/// simple commands with redirections (&gt;, &gt;&gt;, &lt;, 2&gt;&amp;1), joined by `;`, newlines, `&amp;&amp;` and
/// `||`, negated with `!`, grouped with { } or ( ), and the while/until/for/if compound commands. Words keep their
/// quoting: 'single', "double" (where $ still expands) and unquoted pieces, with $VAR, ${VAR}, $((arithmetic)) and
/// $(command) left for the interpreter. Pipes and background jobs are reported as unsupported.
/// </summary>
public sealed class ShellScript
{
    private ShellScript(ShellNode? body, string? error)
    {
        Body = body;
        Error = error;
    }

    /// <summary>The script's commands; null when it did not parse.</summary>
    public ShellNode? Body { get; }

    /// <summary>Why the script cannot run (worded as busybox sh words it where it has a word for it), or null.</summary>
    public string? Error { get; }

    public static ShellScript Parse(string script)
    {
        try
        {
            var tokens = Tokenizer.Read(script);
            return new ShellScript(new Parser(tokens).Script(), null);
        }
        catch (ShellSyntaxException error)
        {
            return new ShellScript(null, error.Message);
        }
    }

    /// <summary>A command of the script's tree.</summary>
    public abstract record ShellNode;

    /// <summary>A command name and arguments (NAME=value words first are assignments) and its redirections.</summary>
    public sealed record SimpleCommand(IReadOnlyList<ShellWord> Words, IReadOnlyList<Redirection> Redirections) : ShellNode;

    /// <summary>Commands run one after the other.</summary>
    public sealed record Sequence(IReadOnlyList<ShellNode> Commands) : ShellNode;

    /// <summary>Right runs after Left only on success (&amp;&amp;) or only on failure (||).</summary>
    public sealed record AndOr(ShellNode Left, bool RunsOnSuccess, ShellNode Right) : ShellNode;

    /// <summary>! COMMAND: the status inverted.</summary>
    public sealed record Negation(ShellNode Command) : ShellNode;

    /// <summary>while (or until) CONDITION; do BODY; done.</summary>
    public sealed record Loop(ShellNode Condition, ShellNode Body, bool Until) : ShellNode;

    /// <summary>for NAME in WORDS; do BODY; done (without `in`, the positional parameters: none here).</summary>
    public sealed record ForLoop(string Name, IReadOnlyList<ShellWord> Items, ShellNode Body) : ShellNode;

    /// <summary>if/elif branches in order and the else part.</summary>
    public sealed record Conditional(IReadOnlyList<(ShellNode Condition, ShellNode Body)> Branches, ShellNode? Otherwise) : ShellNode;

    /// <summary>{ LIST; } or ( LIST ), with the redirections after it.</summary>
    public sealed record Group(ShellNode Body, IReadOnlyList<Redirection> Redirections) : ShellNode;

    /// <summary>A redirection of file descriptor <see cref="Descriptor"/>: "&gt;", "&gt;&gt;", "&lt;" or "&gt;&amp;" (a duplicate of the descriptor the target names).</summary>
    public sealed record Redirection(int Descriptor, string Operator, ShellWord Target);

    /// <summary>One word: pieces that expand $ or not, and whether any piece was quoted.</summary>
    public sealed record ShellWord(IReadOnlyList<WordPart> Parts)
    {
        public bool Quoted => Parts.Any(p => p.Quoted);

        /// <summary>The word's text when it is one unquoted literal (reserved words, names), else null.</summary>
        public string? Literal => Parts is [{ Quoted: false } only] && !only.Text.Contains('$', StringComparison.Ordinal) ? only.Text : null;
    }

    public readonly record struct WordPart(string Text, bool Expands, bool Quoted);

    private sealed class ShellSyntaxException(string message) : Exception(message);

    /// <summary>A word or an operator (";", "\n", "&amp;&amp;", "||", "|", "&amp;", "(", ")", or a redirection with its descriptor).</summary>
    private sealed record Token(ShellWord? Word, string? Operator, int Descriptor = -1);

    private sealed class Tokenizer(string script)
    {
        private readonly List<Token> _tokens = [];
        private readonly List<WordPart> _parts = [];
        private bool _inWord;
        private int _position;

        public static List<Token> Read(string script) => new Tokenizer(script).Run();

        private List<Token> Run()
        {
            while (_position < script.Length)
            {
                var c = script[_position];
                switch (c)
                {
                    case ' ' or '\t' or '\r':
                        EndWord();
                        _position++;
                        break;
                    case '\n' or ';':
                        EndWord();
                        _tokens.Add(new Token(null, c == ';' && Peek(1) == ';' ? ";;" : c.ToString()));
                        _position++;
                        break;
                    case '&' or '|':
                        EndWord();
                        var doubled = Peek(1) == c;
                        _tokens.Add(new Token(null, doubled ? $"{c}{c}" : c.ToString()));
                        _position += doubled ? 2 : 1;
                        break;
                    case '(' or ')':
                        EndWord();
                        _tokens.Add(new Token(null, c.ToString()));
                        _position++;
                        break;
                    case '<' or '>':
                        Redirection();
                        break;
                    case '`':
                        throw new ShellSyntaxException("sh: backquotes are not supported by the fake cluster's shell: use $(...)");
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
                            throw Unterminated();
                        }
                        Add(script[(_position + 1)..end], expands: false, quoted: true);
                        _position = end + 1;
                        break;
                    case '"':
                        DoubleQuoted();
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
            EndWord();
            return _tokens;
        }

        private static ShellSyntaxException Unterminated() => new("sh: syntax error: unterminated quoted string");

        private char? Peek(int offset) => _position + offset < script.Length ? script[_position + offset] : null;

        // A digit word right before < or > is the descriptor the redirection applies to (2>&1).
        private void Redirection()
        {
            var descriptor = -1;
            if (_inWord && _parts is [{ Quoted: false, Expands: true } only] && only.Text.Length == 1 && char.IsAsciiDigit(only.Text[0]))
            {
                descriptor = only.Text[0] - '0';
                _parts.Clear();
                _inWord = false;
            }
            EndWord();
            var c = script[_position];
            string op;
            if (c == '>' && Peek(1) == '>')
            {
                op = ">>";
            }
            else if (Peek(1) == '&')
            {
                op = c + "&";
            }
            else
            {
                op = c.ToString();
            }
            _position += op.Length;
            if (op == ">" && Peek(0) == '|')
            {
                _position++;
            }
            _tokens.Add(new Token(null, op, descriptor < 0 ? (c == '<' ? 0 : 1) : descriptor));
        }

        private void Unquoted()
        {
            var run = new StringBuilder();
            while (_position < script.Length && !IsSpecial(script[_position]))
            {
                if (script[_position] == '$' && Peek(1) is '(' or '{')
                {
                    run.Append(Substitution());
                    continue;
                }
                run.Append(script[_position]);
                _position++;
            }
            Add(run.ToString(), expands: true, quoted: false);
        }

        private static bool IsSpecial(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')' or '`' or '\'' or '"' or '\\';

        // $( ... ), $(( ... )) or ${ ... } as written, brackets balanced and quotes skipped, for the interpreter to expand.
        private string Substitution()
        {
            var start = _position;
            var open = script[_position + 1];
            var close = open == '(' ? ')' : '}';
            var depth = 0;
            _position++;
            while (_position < script.Length)
            {
                var c = script[_position];
                if (c == '\'' && open == '(')
                {
                    var end = script.IndexOf('\'', _position + 1);
                    _position = end < 0 ? throw Unterminated() : end + 1;
                    continue;
                }
                if (c == '\\')
                {
                    _position += 2;
                    continue;
                }
                if (c == open)
                {
                    depth++;
                }
                else if (c == close && --depth == 0)
                {
                    _position++;
                    return script[start.._position];
                }
                _position++;
            }
            throw new ShellSyntaxException(open == '(' ? "sh: syntax error: unterminated $(" : "sh: syntax error: missing '}'");
        }

        // Inside double quotes $ still expands; a backslash escapes only $ ` " \ and newline.
        private void DoubleQuoted()
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
                    return;
                }
                if (c == '$' && Peek(1) is '(' or '{')
                {
                    run.Append(Substitution());
                    continue;
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
            throw Unterminated();
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
                _tokens.Add(new Token(new ShellWord([.. _parts]), null));
                _parts.Clear();
                _inWord = false;
            }
        }
    }

    /// <summary>Recursive descent over the tokens, by the POSIX shell grammar (without pipes, case and functions).</summary>
    private sealed class Parser(List<Token> tokens)
    {
        private static readonly HashSet<string> ListEnds = ["then", "do", "done", "fi", "elif", "else", "}"];
        private int _index;

        public ShellNode Script()
        {
            var body = List();
            if (_index < tokens.Count)
            {
                throw Unexpected();
            }
            return body;
        }

        private Token? Current => _index < tokens.Count ? tokens[_index] : null;

        private bool AtOperator(string op) => Current?.Operator == op;

        private bool AtReserved(string word) => Current?.Word?.Literal == word;

        private ShellSyntaxException Unexpected() =>
            new(Current is null ? "sh: syntax error: unexpected end of file" : $"sh: syntax error: unexpected \"{Current.Operator ?? Current.Word?.Literal ?? "word"}\"");

        private void SkipSeparators()
        {
            while (AtOperator(";") || AtOperator("\n"))
            {
                _index++;
            }
        }

        // Commands until the end, a closing parenthesis or a reserved word that ends the enclosing compound command.
        private ShellNode List()
        {
            var commands = new List<ShellNode>();
            SkipSeparators();
            while (Current is { } token && token.Operator != ")" && !(token.Word?.Literal is { } word && ListEnds.Contains(word)))
            {
                commands.Add(AndOrList());
                if (AtOperator("&"))
                {
                    throw new ShellSyntaxException("sh: background jobs (&) are not supported by the fake cluster's shell");
                }
                if (!AtOperator(";") && !AtOperator("\n") && Current is not null && Current.Operator != ")" && !(Current.Word?.Literal is { } end && ListEnds.Contains(end)))
                {
                    throw Unexpected();
                }
                SkipSeparators();
            }
            return commands.Count == 1 ? commands[0] : new Sequence(commands);
        }

        private ShellNode AndOrList()
        {
            var left = Pipeline();
            while (AtOperator("&&") || AtOperator("||"))
            {
                var onSuccess = Current!.Operator == "&&";
                _index++;
                while (AtOperator("\n"))
                {
                    _index++;
                }
                left = new AndOr(left, onSuccess, Pipeline());
            }
            return left;
        }

        private ShellNode Pipeline()
        {
            var negated = false;
            if (AtReserved("!"))
            {
                negated = true;
                _index++;
            }
            var command = Command();
            if (AtOperator("|"))
            {
                throw new ShellSyntaxException("sh: pipes are not supported by the fake cluster's shell");
            }
            return negated ? new Negation(command) : command;
        }

        private ShellNode Command()
        {
            switch (Current?.Word?.Literal)
            {
                case "while" or "until":
                    var until = Current.Word.Literal == "until";
                    _index++;
                    var condition = List();
                    Expect("do");
                    var body = List();
                    Expect("done");
                    return Redirected(new Loop(condition, body, until));
                case "for":
                    return Redirected(For());
                case "if":
                    return Redirected(If());
                case "{":
                    _index++;
                    var inner = List();
                    Expect("}");
                    return new Group(inner, Redirections());
            }
            if (AtOperator("("))
            {
                _index++;
                var inner = List();
                if (!AtOperator(")"))
                {
                    throw Unexpected();
                }
                _index++;
                return new Group(inner, Redirections());
            }
            return Simple();
        }

        // A compound command takes redirections after its end (done > file) for everything in it.
        private ShellNode Redirected(ShellNode compound) =>
            Redirections() is { Count: > 0 } redirections ? new Group(compound, redirections) : compound;

        private ShellNode For()
        {
            _index++;
            var name = Current?.Word?.Literal ?? throw Unexpected();
            _index++;
            var items = new List<ShellWord>();
            while (AtOperator("\n"))
            {
                _index++;
            }
            if (AtReserved("in"))
            {
                _index++;
                while (Current?.Word is { } word)
                {
                    items.Add(word);
                    _index++;
                }
            }
            SkipSeparators();
            Expect("do");
            var body = List();
            Expect("done");
            return new ForLoop(name, items, body);
        }

        private ShellNode If()
        {
            _index++;
            var branches = new List<(ShellNode, ShellNode)>();
            ShellNode? otherwise = null;
            while (true)
            {
                var condition = List();
                Expect("then");
                branches.Add((condition, List()));
                if (AtReserved("elif"))
                {
                    _index++;
                    continue;
                }
                if (AtReserved("else"))
                {
                    _index++;
                    otherwise = List();
                }
                Expect("fi");
                return new Conditional(branches, otherwise);
            }
        }

        private void Expect(string reserved)
        {
            if (!AtReserved(reserved))
            {
                throw Unexpected();
            }
            _index++;
        }

        private SimpleCommand Simple()
        {
            var words = new List<ShellWord>();
            var redirections = new List<Redirection>();
            while (Current is { } token)
            {
                if (token.Word is { } word)
                {
                    words.Add(word);
                    _index++;
                }
                else if (token.Descriptor >= 0)
                {
                    redirections.Add(Redirect(token));
                }
                else
                {
                    break;
                }
            }
            if (words.Count == 0 && redirections.Count == 0)
            {
                throw Unexpected();
            }
            return new SimpleCommand(words, redirections);
        }

        private List<Redirection> Redirections()
        {
            var redirections = new List<Redirection>();
            while (Current is { Descriptor: >= 0 } token)
            {
                redirections.Add(Redirect(token));
            }
            return redirections;
        }

        private Redirection Redirect(Token token)
        {
            _index++;
            var target = Current?.Word ?? throw Unexpected();
            _index++;
            return new Redirection(token.Descriptor, token.Operator!, target);
        }
    }
}
