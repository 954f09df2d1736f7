using System.Globalization;
using System.Text.RegularExpressions;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

/// <summary>A fixed clock and typed objects read from JSON, as the fake cluster will read them.</summary>
internal static class PrintingTestData
{
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static Pod Pod(string json) => Read<Pod>(json);

    public static T Read<T>(string json)
        where T : KubeObject =>
        Assert.IsType<T>(ResourcePrinters.Deserialize(typeof(T).Name, WithTimes(json)));

    /// <summary>The cells of the object the JSON describes, printed at <see cref="Now"/>.</summary>
    public static IReadOnlyList<object?> Cells(string kind, string json)
    {
        var printer = Assert.IsAssignableFrom<ResourcePrinter>(ResourcePrinters.For(kind));
        var obj = Assert.IsAssignableFrom<KubeObject>(ResourcePrinters.Deserialize(kind, WithTimes(json)));
        return printer.Cells(obj, Now);
    }

    /// <summary>Replaces each <c>ago(N)</c> with the RFC 3339 time N seconds before <see cref="Now"/>.</summary>
    private static string WithTimes(string json) =>
        Regex.Replace(json, @"ago\((\d+)\)", match =>
            (Now - TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)))
                .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
