using System.Globalization;
using PSKube.Client.Validation;

namespace PSKube.Client.Scheduling;

/// <summary>
/// Go's <c>time.ParseDuration</c>: a sign, then one or more decimal numbers each with a unit
/// (ns, us, µs, ms, s, m, h), e.g. <c>1h30m</c> or <c>1.5s</c>; <c>0</c> needs no unit.
/// Errors carry Go's exact wording because they end up in API server messages.
/// </summary>
internal static class GoDuration
{
    private const decimal MaxMagnitude = 9_223_372_036_854_775_808m; // 1 << 63

    private static readonly Dictionary<string, decimal> NanosecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m,
        ["us"] = 1_000m,
        ["\u00b5s"] = 1_000m, // micro sign
        ["\u03bcs"] = 1_000m, // Greek small letter mu
        ["ms"] = 1_000_000m,
        ["s"] = 1_000_000_000m,
        ["m"] = 60_000_000_000m,
        ["h"] = 3_600_000_000_000m,
    };

    /// <summary>Parses <paramref name="text"/> into nanoseconds, or returns Go's error text.</summary>
    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        nanoseconds = 0;
        error = string.Empty;
        var invalid = "time: invalid duration " + ApiErrorText.Quote(text);
        var rest = text;
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest == "0")
        {
            return true;
        }

        if (rest.Length == 0)
        {
            error = invalid;
            return false;
        }

        var total = 0m;
        while (rest.Length > 0)
        {
            var digits = TakeWhile(rest, char.IsAsciiDigit);
            rest = rest[digits.Length..];
            var fraction = string.Empty;
            var hasPoint = rest.StartsWith('.');
            if (hasPoint)
            {
                rest = rest[1..];
                fraction = TakeWhile(rest, char.IsAsciiDigit);
                rest = rest[fraction.Length..];
            }

            if (digits.Length == 0 && fraction.Length == 0)
            {
                error = invalid;
                return false;
            }

            var unit = TakeWhile(rest, c => c != '.' && !char.IsAsciiDigit(c));
            rest = rest[unit.Length..];
            if (unit.Length == 0)
            {
                error = "time: missing unit in duration " + ApiErrorText.Quote(text);
                return false;
            }

            if (!NanosecondsPerUnit.TryGetValue(unit, out var scale))
            {
                error = "time: unknown unit " + ApiErrorText.Quote(unit) + " in duration " + ApiErrorText.Quote(text);
                return false;
            }

            if (!TryAccumulate(digits, fraction, scale, ref total))
            {
                error = invalid;
                return false;
            }
        }

        // Go allows magnitudes up to 1<<63 only when negative.
        var limit = negative ? MaxMagnitude : long.MaxValue;
        if (total > limit)
        {
            error = invalid;
            return false;
        }

        nanoseconds = negative ? (long)-total : (long)total;
        return true;
    }

    private static bool TryAccumulate(string digits, string fraction, decimal scale, ref decimal total)
    {
        // Beyond 20 integer digits any unit overflows int64 nanoseconds anyway.
        if (digits.TrimStart('0').Length > 20)
        {
            return false;
        }

        var whole = digits.Length == 0 ? 0m : decimal.Parse(digits, CultureInfo.InvariantCulture);
        if (whole > MaxMagnitude / scale)
        {
            return false;
        }

        var part = 0m;
        var place = 0.1m;
        foreach (var digit in fraction.Take(27))
        {
            part += (digit - '0') * place;
            place /= 10;
        }

        // Go truncates the fractional nanoseconds.
        total += Math.Floor((whole * scale) + (part * scale));
        return total <= MaxMagnitude;
    }

    private static string TakeWhile(string text, Func<char, bool> predicate)
    {
        var length = 0;
        while (length < text.Length && predicate(text[length]))
        {
            length++;
        }

        return text[..length];
    }
}
