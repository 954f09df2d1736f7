using System.Globalization;
using PSKube.Client.Metrics;

namespace PSKube.Client.Describing;

/// <summary>
/// A resource quantity summed as describe sums requests and limits: the exact value, printed in the form of the
/// first quantity added (<c>350m</c>, <c>192Mi</c>, <c>1500m</c>, <c>2k</c>), <c>0</c> when nothing was added.
/// </summary>
internal readonly record struct ResourceQuantity(decimal Value, bool Binary)
{
    public static ResourceQuantity Zero => default;

    public static ResourceQuantity Parse(string text) =>
        new(UsageQuantity.Parse(text), text.EndsWith('i'));

    public ResourceQuantity Add(ResourceQuantity other) =>
        this == default ? other : this with { Value = Value + other.Value };

    public ResourceQuantity Max(ResourceQuantity other) => other.Value > Value ? other : this;

    /// <summary>The value in thousandths, rounded up (a CPU share).</summary>
    public long Millis => (long)decimal.Ceiling(Value * 1000);

    /// <summary>The value in whole units, rounded up (bytes).</summary>
    public long Units => (long)decimal.Ceiling(Value);

    public override string ToString()
    {
        if (Value == 0)
        {
            return "0";
        }
        if (Binary && Math.Abs(Value) >= 1024 && decimal.Truncate(Value) == Value)
        {
            var whole = Value;
            var power = 0;
            string[] suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
            while (whole % 1024 == 0 && power < suffixes.Length - 1)
            {
                whole /= 1024;
                power++;
            }
            return whole.ToString(CultureInfo.InvariantCulture) + suffixes[power];
        }
        // Decimal: the largest power of a thousand (down to nano) that leaves a whole number.
        string[] decimalSuffixes = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"];
        for (var index = decimalSuffixes.Length - 1; index >= 0; index--)
        {
            var scaled = Value / Pow1000(index - 3);
            if (decimal.Truncate(scaled) == scaled)
            {
                return scaled.ToString("0", CultureInfo.InvariantCulture) + decimalSuffixes[index];
            }
        }
        return decimal.Ceiling(Value * 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "n";
    }

    private static decimal Pow1000(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 1000;
        }
        return exponent < 0 ? 1 / result : result;
    }
}
