using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// Just enough resource.Quantity for quota sums: parses decimal and binary suffixes, and writes a total as the
/// API server would for simple cases (cpu in whole cores or millicores, memory in the largest exact binary unit).
/// </summary>
internal static class QuotaQuantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
    ];

    public static bool TryParse(string text, out decimal value)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) &&
                decimal.TryParse(text[..^suffix.Length], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                value = number * factor;
                return true;
            }
        }
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static string Format(decimal value, bool cpu)
    {
        if (value == 0)
        {
            return "0";
        }
        if (cpu)
        {
            return decimal.Truncate(value) == value ? Whole(value) : Whole(decimal.Ceiling(value * 1000)) + "m";
        }
        foreach (var (suffix, factor) in Suffixes.Where(s => s.Suffix.EndsWith('i')).Reverse())
        {
            if (value % factor == 0)
            {
                return Whole(value / factor) + suffix;
            }
        }
        return Whole(decimal.Ceiling(value));
    }

    private static string Whole(decimal value) => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);
}
