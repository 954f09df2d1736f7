using System.Globalization;
using System.Text;

namespace PSKube.Client.Selectors;

/// <summary>
/// A Kubernetes field selector (<c>metadata.name=web,status.phase!=Running</c>): terms that must
/// all hold. Parsing follows k8s.io/apimachinery/pkg/fields: terms are split on unescaped commas,
/// each term on its first <c>!=</c>, <c>==</c> or <c>=</c>, and in values the escapes
/// <c>\\</c>, <c>\,</c> and <c>\=</c> stand for the literal characters.
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    /// <summary>The selector without terms: it matches every object.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The terms, in the order the API server evaluates them (sorted by their text).</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    /// <summary>True when the selector has no terms and so selects everything.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>Parses a field selector; an empty string selects everything, empty terms are ignored.</summary>
    /// <exception cref="FieldSelectorException">The text is not a valid selector; the message is the API server's.</exception>
    public static FieldSelector Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var terms = SplitTerms(selector);
        terms.Sort(StringComparer.Ordinal);

        var requirements = new List<FieldRequirement>();
        foreach (var term in terms.Where(term => term.Length > 0))
        {
            var (field, @operator, rawValue) = SplitTerm(term)
                ?? throw new FieldSelectorException($"invalid selector: '{selector}'; can't understand '{term}'");
            requirements.Add(new FieldRequirement(field, @operator, UnescapeValue(rawValue)));
        }

        return new FieldSelector(requirements);
    }

    /// <summary>
    /// Escapes a literal value for use in a field selector: backslash, comma and equals sign get a
    /// leading backslash.
    /// </summary>
    public static string EscapeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("=", "\\=", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when every term holds. <paramref name="getField"/> returns a field's value, or null when
    /// the object has no such field, which compares as the empty string (as on the server).
    /// </summary>
    public bool Matches(Func<string, string?> getField)
    {
        ArgumentNullException.ThrowIfNull(getField);
        return Requirements.All(requirement =>
        {
            var actual = getField(requirement.Field) ?? string.Empty;
            var equal = string.Equals(actual, requirement.Value, StringComparison.Ordinal);
            return requirement.Operator == FieldSelectorOperator.Equals ? equal : !equal;
        });
    }

    /// <summary>The canonical form, suitable for the <c>fieldSelector</c> query parameter.</summary>
    public override string ToString() => string.Join(",", Requirements);

    // Splits on commas that are not escaped; the escapes stay in the terms for UnescapeValue.
    private static List<string> SplitTerms(string selector)
    {
        var terms = new List<string>();
        if (selector.Length == 0)
        {
            return terms;
        }

        var start = 0;
        var escaped = false;
        for (var i = 0; i < selector.Length; i++)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (selector[i] == '\\')
            {
                escaped = true;
            }
            else if (selector[i] == ',')
            {
                terms.Add(selector[start..i]);
                start = i + 1;
            }
        }

        terms.Add(selector[start..]);
        return terms;
    }

    // The field cannot contain escapes, so the first operator found splits the term; "!=" and "=="
    // are tried before "=" at each position so "a==b" does not leave "=b" as the value.
    private static (string Field, FieldSelectorOperator Operator, string Value)? SplitTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (string.CompareOrdinal(term, i, "!=", 0, 2) == 0)
            {
                return (term[..i], FieldSelectorOperator.NotEquals, term[(i + 2)..]);
            }

            if (string.CompareOrdinal(term, i, "==", 0, 2) == 0)
            {
                return (term[..i], FieldSelectorOperator.Equals, term[(i + 2)..]);
            }

            if (term[i] == '=')
            {
                return (term[..i], FieldSelectorOperator.Equals, term[(i + 1)..]);
            }
        }

        return null;
    }

    private static string UnescapeValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var escaped = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (escaped)
            {
                if (rune.Value is not ('\\' or ',' or '='))
                {
                    throw new FieldSelectorException($"invalid field selector: invalid escape sequence: \\{rune}");
                }

                builder.Append(rune.ToString());
                escaped = false;
            }
            else if (rune.Value == '\\')
            {
                escaped = true;
            }
            else if (rune.Value is ',' or '=')
            {
                // Go prints the offending rune with %v, i.e. as its number.
                throw new FieldSelectorException(
                    "invalid field selector: unescaped character in value: " + rune.Value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return escaped ? throw new FieldSelectorException("invalid field selector: invalid escape sequence: \\") : builder.ToString();
    }
}
