using System.Globalization;
using System.Numerics;

namespace PSKube.Client.Validation;

/// <summary>
/// A quantity written as Kubernetes writes it back (resource.Quantity's JSON form): <c>1000</c> becomes <c>1k</c>,
/// <c>0.5</c> <c>500m</c>, <c>1024Mi</c> <c>1Gi</c>, while text already in its shortest form (<c>100m</c>, <c>12Mi</c>,
/// <c>1e3</c>) is kept as typed. kubectl create quota sends --hard values in this form.
/// </summary>
public static class QuantityText
{
    private const int Nano = -9;
    private const int MaxDecimalDigits = 18;

    private static readonly Dictionary<string, int> DecimalSuffixes = new(StringComparer.Ordinal)
    {
        ["n"] = -9, ["u"] = -6, ["m"] = -3, [""] = 0, ["k"] = 3, ["M"] = 6, ["G"] = 9, ["T"] = 12, ["P"] = 15, ["E"] = 18,
    };

    private static readonly Dictionary<string, int> BinarySuffixes = new(StringComparer.Ordinal)
    {
        ["Ki"] = 10, ["Mi"] = 20, ["Gi"] = 30, ["Ti"] = 40, ["Pi"] = 50, ["Ei"] = 60,
    };

    private enum Format
    {
        DecimalSI,
        BinarySI,
        DecimalExponent,
    }

    /// <summary>The canonical text of <paramref name="quantity"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static string? Canonicalize(string quantity, out string error)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        error = string.Empty;
        if (quantity == "0")
        {
            return quantity;
        }

        if (!TrySplit(quantity, out var negative, out var whole, out var fraction, out var suffix, out error) ||
            !TryInterpret(suffix, out var format, out var exponent, out error))
        {
            return null;
        }

        if (IsKeptAsTyped(whole, fraction, format, exponent))
        {
            return quantity;
        }

        // The exact value as unscaled * 10^scale, rounded up (away from zero) to nano units as the API server does.
        var unscaled = BigInteger.Parse(whole + fraction, CultureInfo.InvariantCulture);
        var scale = -fraction.Length;
        if (format == Format.BinarySI)
        {
            unscaled <<= exponent;
        }
        else
        {
            scale += exponent;
        }

        if (scale < Nano && !unscaled.IsZero)
        {
            var divisor = BigInteger.Pow(10, Nano - scale);
            unscaled = BigInteger.DivRem(unscaled, divisor, out var remainder) + (remainder.IsZero ? 0 : 1);
            scale = Nano;
        }

        if (unscaled.IsZero)
        {
            return "0";
        }

        var sign = negative ? "-" : "";
        if (format == Format.BinarySI && IsWholeOfAtLeast1024(unscaled, scale, out var integer))
        {
            var power = 0;
            while (integer % 1024 == 0 && power < 60)
            {
                integer /= 1024;
                power += 10;
            }

            return sign + integer.ToString(CultureInfo.InvariantCulture) + BinarySuffixes.FirstOrDefault(pair => pair.Value == power).Key;
        }

        // Trailing zeros go into the exponent, which then steps down to a multiple of 3.
        while (unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale++;
        }

        while (scale % 3 != 0)
        {
            unscaled *= 10;
            scale--;
        }

        var text = format == Format.DecimalExponent
            ? (scale == 0 ? "" : "e" + scale.ToString(CultureInfo.InvariantCulture))
            : DecimalSuffixes.FirstOrDefault(pair => pair.Value == scale).Key ?? "e" + scale.ToString(CultureInfo.InvariantCulture);
        return sign + unscaled.ToString(CultureInfo.InvariantCulture) + text;
    }

    // The API server keeps the text as typed when it parses it exactly into 64 bits and it is already in canonical form.
    private static bool IsKeptAsTyped(string whole, string fraction, Format format, int exponent)
    {
        var shifted = whole + fraction;
        if (format == Format.BinarySI)
        {
            var precision = 15 - whole.Length - (int)(exponent * 3f / 10) - 1;
            return fraction.Length == 0 && precision >= 0 && exponent % 10 == 0 &&
                long.TryParse(shifted, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value & 0x07) != 0 &&
                value <= long.MaxValue >> exponent;
        }

        var scale = exponent - fraction.Length;
        return MaxDecimalDigits - shifted.Length >= 0 && scale >= Nano && scale % 3 == 0 &&
            !shifted.EndsWith("000", StringComparison.Ordinal) && shifted[0] != '0';
    }

    private static bool IsWholeOfAtLeast1024(BigInteger unscaled, int scale, out BigInteger integer)
    {
        integer = BigInteger.Abs(unscaled);
        if (scale >= 0)
        {
            integer *= BigInteger.Pow(10, scale);
        }
        else
        {
            integer = BigInteger.DivRem(integer, BigInteger.Pow(10, -scale), out var remainder);
            if (!remainder.IsZero)
            {
                return false;
            }
        }

        return integer >= 1024;
    }

    // The parts of sign, digits, '.', digits and suffix, as apimachinery scans them (leading zeros of the whole part dropped).
    private static bool TrySplit(string text, out bool negative, out string whole, out string fraction, out string suffix, out string error)
    {
        negative = false;
        whole = fraction = suffix = error = string.Empty;
        if (text.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        var position = 0;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            position++;
        }

        var numberStart = position;
        while (position < text.Length && text[position] == '0')
        {
            position++;
        }

        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        whole = position > start ? text[start..position] : "0";
        var digits = position - numberStart;
        if (position < text.Length && text[position] == '.')
        {
            start = ++position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            fraction = text[start..position];
            digits += fraction.Length;
        }

        if (digits == 0)
        {
            error = "it does not start with a number";
            return false;
        }

        suffix = text[position..];
        return true;
    }

    private static bool TryInterpret(string suffix, out Format format, out int exponent, out string error)
    {
        error = string.Empty;
        if (DecimalSuffixes.TryGetValue(suffix, out exponent))
        {
            format = Format.DecimalSI;
            return true;
        }

        if (BinarySuffixes.TryGetValue(suffix, out exponent))
        {
            format = Format.BinarySI;
            return true;
        }

        format = Format.DecimalExponent;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E' &&
            int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) &&
            suffix[1..].TrimStart('+', '-').All(char.IsAsciiDigit))
        {
            return true;
        }

        error = $"'{suffix}' is not a unit Kubernetes knows (n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3)";
        return false;
    }
}
