using System.Globalization;

namespace PSKube.Client.Metrics;

/// <summary>
/// Resource quantities as metrics-server writes usage ("3818131n", "250m", "1", "18316Ki", "1.5Gi", "129e6"), read
/// as kubectl reads them: millicores and bytes, rounded up as resource.Quantity's MilliValue and Value round.
/// </summary>
public static class UsageQuantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024),
        ("n", 1e-9m), ("u", 1e-6m), ("m", 1e-3m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m),
    ];

    /// <summary>The quantity in thousandths (CPU millicores), rounded up.</summary>
    public static long Millis(string quantity) => (long)decimal.Ceiling(Parse(quantity) * 1000);

    /// <summary>The quantity in units (memory bytes), rounded up.</summary>
    public static long Units(string quantity) => (long)decimal.Ceiling(Parse(quantity));

    public static decimal Parse(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var text = quantity.Trim();
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && Number(text[..^suffix.Length]) is { } number)
            {
                return number * factor;
            }
        }
        return Number(text) ?? throw new FormatException($"\"{quantity}\" is not a resource quantity.");
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
