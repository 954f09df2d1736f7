using PSKube.Client.Validation;

namespace PSKube.Client.Selectors;

/// <summary>
/// Recursive descent parser for the label selector grammar of k8s.io/apimachinery/pkg/labels,
/// reporting errors with the same wording and at the same points as the API server:
/// <code>
/// selector    ::= requirement ("," requirement)*
/// requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUE ("," VALUE)* ")" | ("=" | "==" | "!=" | "&gt;" | "&lt;") VALUE ]
/// </code>
/// </summary>
internal sealed class LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly List<Token> _tokens;
    private int _position;

    private LabelSelectorParser(string selector) => _tokens = Tokenize(selector);

    private enum TokenKind
    {
        EndOfString,
        ClosedParenthesis,
        Comma,
        DoesNotExist,
        DoubleEquals,
        Equals,
        GreaterThan,
        Identifier,
        In,
        LessThan,
        NotEquals,
        NotIn,
        OpenParenthesis,
    }

    /// <summary>
    /// 'in' and 'notin' are keywords only where an operator is expected; elsewhere (keys,
    /// values) they are ordinary identifiers, so <c>in in (in)</c> is a valid selector.
    /// </summary>
    private enum Context
    {
        KeyAndOperator,
        Values,
    }

    public static List<LabelRequirement> Parse(string selector) => new LabelSelectorParser(selector).ParseSelector();

    private List<LabelRequirement> ParseSelector()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var next = Peek(Context.Values);
            switch (next.Kind)
            {
                case TokenKind.Identifier or TokenKind.DoesNotExist:
                    requirements.Add(ParseRequirementOrThrow());
                    var separator = Consume(Context.Values);
                    if (separator.Kind == TokenKind.EndOfString)
                    {
                        return requirements;
                    }

                    if (separator.Kind != TokenKind.Comma)
                    {
                        throw Error($"found '{separator.Text}', expected: ',' or 'end of string'");
                    }

                    var afterComma = Peek(Context.Values);
                    if (afterComma.Kind is not (TokenKind.Identifier or TokenKind.DoesNotExist))
                    {
                        throw Error($"found '{afterComma.Text}', expected: identifier after ','");
                    }

                    break;
                case TokenKind.EndOfString:
                    return requirements;
                default:
                    throw Error($"found '{next.Text}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirementOrThrow()
    {
        try
        {
            return ParseRequirement();
        }
        catch (LabelSelectorException exception)
        {
            throw new LabelSelectorException("unable to parse requirement: " + exception.Message, exception);
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var (key, inferred) = ParseKeyAndInferOperator();
        if (inferred is LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist)
        {
            return LabelRequirement.Create(key, inferred.Value);
        }

        var @operator = ParseOperator();
        var values = @operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn ? ParseValueSet() : [ParseExactValue()];

        // The API server keeps set values sorted and without duplicates.
        return LabelRequirement.Create(key, @operator, values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private (string Key, LabelSelectorOperator? Inferred) ParseKeyAndInferOperator()
    {
        LabelSelectorOperator? inferred = null;
        var token = Consume(Context.Values);
        if (token.Kind == TokenKind.DoesNotExist)
        {
            inferred = LabelSelectorOperator.DoesNotExist;
            token = Consume(Context.Values);
        }

        if (token.Kind != TokenKind.Identifier)
        {
            throw Error($"found '{token.Text}', expected: identifier");
        }

        var keyErrors = NameValidation.ValidateLabelKey(token.Text);
        if (keyErrors.Count > 0)
        {
            throw Error(ApiErrorText.Invalid(null, token.Text, string.Join("; ", keyErrors)));
        }

        if (Peek(Context.Values).Kind is TokenKind.EndOfString or TokenKind.Comma)
        {
            inferred ??= LabelSelectorOperator.Exists;
        }

        return (token.Text, inferred);
    }

    private LabelSelectorOperator ParseOperator()
    {
        var token = Consume(Context.KeyAndOperator);
        return token.Kind switch
        {
            TokenKind.In => LabelSelectorOperator.In,
            TokenKind.NotIn => LabelSelectorOperator.NotIn,
            TokenKind.Equals => LabelSelectorOperator.Equals,
            TokenKind.DoubleEquals => LabelSelectorOperator.DoubleEquals,
            TokenKind.NotEquals => LabelSelectorOperator.NotEquals,
            TokenKind.GreaterThan => LabelSelectorOperator.GreaterThan,
            TokenKind.LessThan => LabelSelectorOperator.LessThan,
            _ => throw Error($"found '{token.Text}', expected: {BinaryOperators}"),
        };
    }

    private List<string> ParseValueSet()
    {
        var open = Consume(Context.Values);
        if (open.Kind != TokenKind.OpenParenthesis)
        {
            throw Error($"found '{open.Text}' expected: '('");
        }

        var next = Peek(Context.Values);
        switch (next.Kind)
        {
            case TokenKind.Identifier or TokenKind.Comma:
                var values = ParseValueList();
                Consume(Context.Values); // the closing parenthesis ParseValueList stopped at
                return values;
            case TokenKind.ClosedParenthesis:
                Consume(Context.Values);
                return [string.Empty]; // "()" means the empty value
            default:
                throw Error($"found '{next.Text}', expected: ',', ')' or identifier");
        }
    }

    // Empty entries are empty values: "(,a)", "(a,,b)" and "(a,)" all contain "".
    private List<string> ParseValueList()
    {
        var values = new List<string>();
        while (true)
        {
            var token = Consume(Context.Values);
            switch (token.Kind)
            {
                case TokenKind.Identifier:
                    values.Add(token.Text);
                    var after = Peek(Context.Values);
                    if (after.Kind == TokenKind.ClosedParenthesis)
                    {
                        return values;
                    }

                    if (after.Kind != TokenKind.Comma)
                    {
                        throw Error($"found '{after.Text}', expected: ',' or ')'");
                    }

                    break;
                case TokenKind.Comma:
                    if (values.Count == 0)
                    {
                        values.Add(string.Empty);
                    }

                    var following = Peek(Context.Values);
                    if (following.Kind == TokenKind.ClosedParenthesis)
                    {
                        values.Add(string.Empty);
                        return values;
                    }

                    if (following.Kind == TokenKind.Comma)
                    {
                        Consume(Context.Values);
                        values.Add(string.Empty);
                    }

                    break;
                default:
                    throw Error($"found '{token.Text}', expected: ',', or identifier");
            }
        }
    }

    private string ParseExactValue()
    {
        if (Peek(Context.Values).Kind is TokenKind.EndOfString or TokenKind.Comma)
        {
            return string.Empty; // "a=" selects an empty value
        }

        var token = Consume(Context.Values);
        return token.Kind == TokenKind.Identifier ? token.Text : throw Error($"found '{token.Text}', expected: identifier");
    }

    private Token Peek(Context context) => Adjust(_tokens[Math.Min(_position, _tokens.Count - 1)], context);

    private Token Consume(Context context)
    {
        var token = Peek(context);
        _position++;
        return token;
    }

    private static Token Adjust(Token token, Context context) =>
        context == Context.Values && token.Kind is TokenKind.In or TokenKind.NotIn
            ? token with { Kind = TokenKind.Identifier }
            : token;

    private static LabelSelectorException Error(string message) => new(message);

    private static List<Token> Tokenize(string selector)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (true)
        {
            while (position < selector.Length && IsWhitespace(selector[position]))
            {
                position++;
            }

            if (position == selector.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfString, string.Empty));
                return tokens;
            }

            tokens.Add(IsSpecial(selector[position]) ? ScanSymbol(selector, ref position) : ScanWord(selector, ref position));
        }
    }

    // Takes the longest run of special characters that still spells an operator: "!=" over "!".
    private static Token ScanSymbol(string selector, ref int position)
    {
        var length = 1;
        while (position + length < selector.Length
            && IsSpecial(selector[position + length])
            && SymbolKind(selector.Substring(position, length + 1)) is not null)
        {
            length++;
        }

        var text = selector.Substring(position, length);
        position += length;
        return new Token(SymbolKind(text)!.Value, text);
    }

    private static Token ScanWord(string selector, ref int position)
    {
        var start = position;
        while (position < selector.Length && !IsSpecial(selector[position]) && !IsWhitespace(selector[position]))
        {
            position++;
        }

        var text = selector[start..position];
        var kind = text switch
        {
            "in" => TokenKind.In,
            "notin" => TokenKind.NotIn,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, text);
    }

    private static TokenKind? SymbolKind(string text) => text switch
    {
        ")" => TokenKind.ClosedParenthesis,
        "," => TokenKind.Comma,
        "!" => TokenKind.DoesNotExist,
        "==" => TokenKind.DoubleEquals,
        "=" => TokenKind.Equals,
        ">" => TokenKind.GreaterThan,
        "<" => TokenKind.LessThan,
        "!=" => TokenKind.NotEquals,
        "(" => TokenKind.OpenParenthesis,
        _ => null,
    };

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private readonly record struct Token(TokenKind Kind, string Text);
}
