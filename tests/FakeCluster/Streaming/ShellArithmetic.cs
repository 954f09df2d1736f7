using System.Globalization;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// $(( ... )) as sh evaluates it, on 64-bit integers: + - * / % **, comparisons, &amp;&amp; || !, parentheses,
/// variables by name (unset or non-numeric is 0) and the assignments = += -= *= /= %= and ++/-- on names.
/// </summary>
public static class ShellArithmetic
{
    public sealed class ArithmeticError(string message) : Exception(message);

    public static long Evaluate(string expression, Func<string, long> read, Action<string, long> write) =>
        new Evaluator(Tokenize(expression), read, write).Run();

    /// <summary>A variable's value as a number: decimal or 0x hex, 0 when empty.</summary>
    public static long Number(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return 0;
        }
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArithmeticError($"invalid number \"{text}\"");
    }

    private static List<string> Tokenize(string expression)
    {
        string[] operators = ["**=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "**",
                              "+", "-", "*", "/", "%", "(", ")", "<", ">", "!", "=", "?", ":", "&", "|", "^", "~"];
        var tokens = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }
                tokens.Add(expression[start..i]);
                continue;
            }
            var op = operators.FirstOrDefault(o => expression.AsSpan(i).StartsWith(o, StringComparison.Ordinal))
                     ?? throw new ArithmeticError("");
            tokens.Add(op);
            i += op.Length;
        }
        return tokens;
    }

    private sealed class Evaluator(List<string> tokens, Func<string, long> read, Action<string, long> write)
    {
        // Binary operators by precedence level, loosest first.
        private static readonly string[][] Levels =
        [
            ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
        ];

        private int _index;

        public long Run()
        {
            if (tokens.Count == 0)
            {
                return 0;
            }
            var value = Assignment();
            return _index == tokens.Count ? value : throw new ArithmeticError("");
        }

        private string? Current => _index < tokens.Count ? tokens[_index] : null;

        private static bool IsName(string? token) => token is { Length: > 0 } && (char.IsAsciiLetter(token[0]) || token[0] == '_');

        private long Assignment()
        {
            if (IsName(Current) && _index + 1 < tokens.Count && tokens[_index + 1] is "=" or "+=" or "-=" or "*=" or "/=" or "%=")
            {
                var name = tokens[_index];
                var op = tokens[_index + 1];
                _index += 2;
                var right = Assignment();
                var value = op == "=" ? right : Apply(op[..^1], read(name), right);
                write(name, value);
                return value;
            }
            return Conditional();
        }

        private long Conditional()
        {
            var condition = Binary(0);
            if (Current != "?")
            {
                return condition;
            }
            _index++;
            var whenTrue = Assignment();
            Expect(":");
            var whenFalse = Assignment();
            return condition != 0 ? whenTrue : whenFalse;
        }

        private long Binary(int level)
        {
            if (level == Levels.Length)
            {
                return Power();
            }
            var left = Binary(level + 1);
            while (Current is { } op && Levels[level].Contains(op))
            {
                _index++;
                var right = Binary(level + 1);
                left = Apply(op, left, right);
            }
            return left;
        }

        private long Power()
        {
            var value = Unary();
            if (Current == "**")
            {
                _index++;
                var exponent = Power();
                return exponent < 0 ? throw new ArithmeticError("exponent less than 0") : (long)Math.Pow(value, exponent);
            }
            return value;
        }

        private long Unary()
        {
            switch (Current)
            {
                case "-":
                    _index++;
                    return -Unary();
                case "+":
                    _index++;
                    return Unary();
                case "!":
                    _index++;
                    return Unary() == 0 ? 1 : 0;
                case "~":
                    _index++;
                    return ~Unary();
                case "++" or "--":
                    var step = Current == "++" ? 1 : -1;
                    _index++;
                    var name = IsName(Current) ? Current! : throw new ArithmeticError("");
                    _index++;
                    var value = read(name) + step;
                    write(name, value);
                    return value;
            }
            return Postfix();
        }

        private long Postfix()
        {
            var token = Current ?? throw new ArithmeticError("");
            _index++;
            if (token == "(")
            {
                var inner = Assignment();
                Expect(")");
                return inner;
            }
            if (IsName(token))
            {
                var value = read(token);
                if (Current is "++" or "--")
                {
                    write(token, value + (Current == "++" ? 1 : -1));
                    _index++;
                }
                return value;
            }
            return char.IsAsciiDigit(token[0]) ? Number(token) : throw new ArithmeticError("");
        }

        private void Expect(string token)
        {
            if (Current != token)
            {
                throw new ArithmeticError("");
            }
            _index++;
        }

        private static long Apply(string op, long left, long right) => op switch
        {
            "+" => left + right,
            "-" => left - right,
            "*" => left * right,
            "/" => right == 0 ? throw new ArithmeticError("divide by zero") : left / right,
            "%" => right == 0 ? throw new ArithmeticError("divide by zero") : left % right,
            "<<" => left << (int)right,
            ">>" => left >> (int)right,
            "<" => left < right ? 1 : 0,
            "<=" => left <= right ? 1 : 0,
            ">" => left > right ? 1 : 0,
            ">=" => left >= right ? 1 : 0,
            "==" => left == right ? 1 : 0,
            "!=" => left != right ? 1 : 0,
            "&" => left & right,
            "^" => left ^ right,
            "|" => left | right,
            "&&" => left != 0 && right != 0 ? 1 : 0,
            "||" => left != 0 || right != 0 ? 1 : 0,
            _ => throw new ArithmeticError(""),
        };
    }
}
