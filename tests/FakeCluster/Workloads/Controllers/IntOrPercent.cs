using System.Globalization;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>An IntOrString such as maxSurge: a count, or a percentage of a total rounded up or down.</summary>
internal static class IntOrPercent
{
    public static long Resolve(JsonNode? value, long total, bool roundUp, long fallback = 0)
    {
        if (value is not JsonValue scalar)
        {
            return fallback;
        }
        if (scalar.TryGetValue<long>(out var count))
        {
            return count;
        }
        var text = scalar.ToString();
        if (text.EndsWith('%') && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = total * percent / 100.0;
            return (long)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
    }
}
