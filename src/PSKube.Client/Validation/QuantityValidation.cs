using System.Globalization;

namespace PSKube.Client.Validation;

/// <summary>
/// Checks Kubernetes quantity syntax (<c>100m</c>, <c>1.5</c>, <c>256Mi</c>, <c>1e3</c>): an optionally signed
/// decimal number followed by nothing, a decimal SI suffix (m k M G T P E), a binary suffix (Ki Mi Gi Ti Pi Ei)
/// or a decimal exponent (e3, E-2). It validates and approximates; it is not an arithmetic type.
/// </summary>
public static class QuantityValidation
{
    private static readonly Dictionary<string, double> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["m"] = 1e-3,
        ["k"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
        ["T"] = 1e12,
        ["P"] = 1e15,
        ["E"] = 1e18,
        ["Ki"] = 1024d,
        ["Mi"] = Math.Pow(1024, 2),
        ["Gi"] = Math.Pow(1024, 3),
        ["Ti"] = Math.Pow(1024, 4),
        ["Pi"] = Math.Pow(1024, 5),
        ["Ei"] = Math.Pow(1024, 6),
    };

    /// <summary>Why <paramref name="quantity"/> is not a quantity, or null when it is one.</summary>
    public static string? Validate(string quantity) => TryParse(quantity, out _, out var error) ? null : error;

    /// <summary>
    /// Parses <paramref name="quantity"/> into an approximate value (for comparing a request with its limit), or
    /// explains what is wrong with it.
    /// </summary>
    public static bool TryParse(string quantity, out double value, out string error)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        value = 0;
        error = string.Empty;
        if (quantity.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        var position = quantity[0] is '+' or '-' ? 1 : 0;
        var integerDigits = CountDigits(quantity, ref position);
        var fractionDigits = 0;
        if (position < quantity.Length && quantity[position] == '.')
        {
            position++;
            fractionDigits = CountDigits(quantity, ref position);
        }

        if (integerDigits + fractionDigits == 0)
        {
            error = "it does not start with a number";
            return false;
        }

        var number = double.Parse(quantity[..position].TrimEnd('.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var suffix = quantity[position..];
        if (Multipliers.TryGetValue(suffix, out var multiplier))
        {
            value = number * multiplier;
            return true;
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' && IsSignedInteger(suffix[1..]))
        {
            value = number * Math.Pow(10, double.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            return true;
        }

        error = $"'{suffix}' is not a unit Kubernetes knows";
        return false;
    }

    private static int CountDigits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        return position - start;
    }

    private static bool IsSignedInteger(string text)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }
}
