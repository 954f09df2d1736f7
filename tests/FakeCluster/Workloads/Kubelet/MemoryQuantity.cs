using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>Reads a memory quantity ("256M", "64Mi", "1.5Gi", "128974848", "129e6") as bytes.</summary>
public static class MemoryQuantity
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40), ("Pi", 1L << 50), ("Ei", 1L << 60),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18), ("m", 1e-3),
    ];

    /// <summary>The bytes, rounded up as the kubelet does; null when the text is not a quantity.</summary>
    public static long? ParseBytes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var (number, factor) = Suffixes.FirstOrDefault(s => text.EndsWith(s.Suffix, StringComparison.Ordinal)) is { Suffix: not null } match
            ? (text[..^match.Suffix.Length], match.Factor)
            : (text, 1d);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? (long)Math.Ceiling(value * factor)
            : null;
    }
}
