using System.Globalization;
using System.Text;
using static PSKube.FakeCluster.Streaming.ShellScript;

namespace PSKube.FakeCluster.Streaming;

/// <summary>Word expansion: $VAR, ${VAR}, ${VAR:-default}, ${#VAR}, $?, $RANDOM, $((arithmetic)), $(command), and field splitting.</summary>
public sealed partial class ShellInterpreter
{
    /// <summary>
    /// Expands <paramref name="words"/> into fields: unquoted expansions split on blanks (unless
    /// <paramref name="split"/> is off) and an unquoted word that expands to nothing is dropped.
    /// </summary>
    private IEnumerable<ShellEffect> Expand(IReadOnlyList<ShellWord> words, Io io, List<string> into, bool split = true)
    {
        foreach (var word in words)
        {
            var fields = new Fields(into);
            foreach (var part in word.Parts)
            {
                if (!part.Expands)
                {
                    fields.Append(part.Text);
                    continue;
                }
                var text = part.Text;
                var literal = new StringBuilder();
                var i = 0;
                while (i < text.Length)
                {
                    if (text[i] != '$' || i + 1 >= text.Length)
                    {
                        literal.Append(text[i++]);
                        continue;
                    }
                    if (text[i + 1] == '(' && !text.AsSpan(i).StartsWith("$((", StringComparison.Ordinal) || IsCommandInParentheses(text, i))
                    {
                        fields.Append(literal.ToString());
                        literal.Clear();
                        var end = ClosingIndex(text, i + 1);
                        var capture = new CaptureSink();
                        foreach (var effect in Script(text[(i + 2)..end], io with { Out = capture }))
                        {
                            yield return effect;
                        }
                        AppendExpansion(fields, capture.Text.TrimEnd('\n'), split && !part.Quoted);
                        i = end + 1;
                        continue;
                    }
                    var (value, next) = Simple(text, i, io);
                    if (value is null)
                    {
                        literal.Append('$');
                        i++;
                        continue;
                    }
                    fields.Append(literal.ToString());
                    literal.Clear();
                    AppendExpansion(fields, value, split && !part.Quoted);
                    i = next;
                }
                fields.Append(literal.ToString());
            }
            fields.End(word.Quoted);
        }
    }

    /// <summary>A word expanded without command substitution or splitting: redirection targets.</summary>
    private string ExpandPlain(ShellWord word)
    {
        var text = new StringBuilder();
        foreach (var part in word.Parts)
        {
            text.Append(part.Expands ? Substitute(part.Text, null) : part.Text);
        }
        return text.ToString();
    }

    /// <summary>$NAME, ${...} and $((...)) in <paramref name="text"/>, with nothing run.</summary>
    private string Substitute(string text, Io? io)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && Simple(text, i, io) is ({ } value, var next))
            {
                result.Append(value);
                i = next;
                continue;
            }
            result.Append(text[i++]);
        }
        return result.ToString();
    }

    private static bool IsCommandInParentheses(string text, int dollar) =>
        // $( (a) ) is a command in a subshell, not arithmetic: arithmetic closes with "))" right at its end.
        text.AsSpan(dollar).StartsWith("$((", StringComparison.Ordinal) && text[ClosingIndex(text, dollar + 1) - 1] != ')';

    private static void AppendExpansion(Fields fields, string value, bool split)
    {
        if (!split)
        {
            fields.Append(value);
            fields.MarkQuoted();
            return;
        }
        var pieces = value.Split([' ', '\t', '\n']);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                fields.Break();
            }
            fields.Append(pieces[i]);
        }
    }

    /// <summary>One $-expansion other than $(command) at <paramref name="dollar"/>: its value and where the text goes on; a null value for a lone $.</summary>
    private (string? Value, int Next) Simple(string text, int dollar, Io? io)
    {
        var i = dollar + 1;
        if (i >= text.Length)
        {
            return (null, i);
        }
        var c = text[i];
        if (text.AsSpan(dollar).StartsWith("$((", StringComparison.Ordinal))
        {
            var end = ClosingIndex(text, dollar + 1);
            return (Arithmetic(text[(dollar + 3)..(end - 1)], io), end + 1);
        }
        if (c == '{')
        {
            var end = ClosingIndex(text, i);
            return (Braced(text[(i + 1)..end]), end + 1);
        }
        if (c is '?' or '$' or '#' or '!' or '@' or '*' or '-' || char.IsAsciiDigit(c))
        {
            return (Variable(c.ToString()), i + 1);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var end = i;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            return (Variable(text[i..end]), end);
        }
        return (null, i);
    }

    // ${NAME}, ${#NAME}, ${NAME:-word}, ${NAME-word}, ${NAME:=word}, ${NAME:+word}.
    private string Braced(string inner)
    {
        if (inner.StartsWith('#') && inner.Length > 1)
        {
            return Variable(inner[1..]).Length.ToString(CultureInfo.InvariantCulture);
        }
        var nameEnd = 0;
        while (nameEnd < inner.Length && (char.IsAsciiLetterOrDigit(inner[nameEnd]) || inner[nameEnd] is '_' or '?' or '$' or '#'))
        {
            nameEnd++;
        }
        var name = inner[..nameEnd];
        var rest = inner[nameEnd..];
        var set = _variables.TryGetValue(name, out var current) || name is "?" or "$" or "#" or "RANDOM";
        var value = Variable(name);
        var colon = rest.StartsWith(':');
        var op = colon ? rest[1..] : rest;
        if (op.Length == 0)
        {
            return value;
        }
        var word = Substitute(op[1..], null);
        var missing = colon ? value.Length == 0 : !set;
        return op[0] switch
        {
            '-' => missing ? word : value,
            '=' when missing => _variables[name] = word,
            '+' => missing ? "" : word,
            _ => value,
        };
    }

    private string Variable(string name) => name switch
    {
        "?" => _status.ToString(CultureInfo.InvariantCulture),
        "$" => "1",
        "!" or "@" or "*" or "-" => "",
        "#" => "0",
        "0" => "sh",
        // $RANDOM is 0..32767 in sh.
        "RANDOM" => _random.Next(32768).ToString(CultureInfo.InvariantCulture),
        _ => _variables.GetValueOrDefault(name, ""),
    };

    private string Arithmetic(string expression, Io? io)
    {
        try
        {
            var value = ShellArithmetic.Evaluate(
                Substitute(expression, io),
                name => ShellArithmetic.Number(Variable(name)),
                (name, number) => _variables[name] = number.ToString(CultureInfo.InvariantCulture));
            return value.ToString(CultureInfo.InvariantCulture);
        }
        catch (ShellArithmetic.ArithmeticError error)
        {
            io?.Err.Write($"sh: arithmetic syntax error{(error.Message.Length > 0 ? ": " + error.Message : "")}\n");
            _status = 2;
            return "";
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, skipping quoted text; the text's end when unbalanced.</summary>
    private static int ClosingIndex(string text, int open)
    {
        var opening = text[open];
        var closing = opening == '(' ? ')' : '}';
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' && opening == '(')
            {
                var end = text.IndexOf('\'', i + 1);
                i = end < 0 ? text.Length - 1 : end;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == opening)
            {
                depth++;
            }
            else if (c == closing && --depth == 0)
            {
                return i;
            }
        }
        return text.Length - 1;
    }

    /// <summary>The fields one word becomes.</summary>
    private sealed class Fields(List<string> into)
    {
        private readonly StringBuilder _current = new();
        private bool _keepEmpty;

        public void Append(string text) => _current.Append(text);

        public void MarkQuoted() => _keepEmpty = true;

        public void Break()
        {
            if (_current.Length > 0)
            {
                into.Add(_current.ToString());
            }
            _current.Clear();
            _keepEmpty = false;
        }

        public void End(bool quoted)
        {
            if (_current.Length > 0 || quoted || _keepEmpty)
            {
                into.Add(_current.ToString());
            }
        }
    }
}
