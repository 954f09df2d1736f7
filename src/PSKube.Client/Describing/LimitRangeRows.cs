using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Describing;

/// <summary>
/// One row of describe's limit table: what a LimitRange sets for one resource of one type (Container, Pod,
/// PersistentVolumeClaim); null where it sets nothing, which the text shows as <c>-</c>.
/// </summary>
public sealed record DescribedLimit(
    string LimitRange, string Type, string Resource, string? Min, string? Max, string? DefaultRequest, string? DefaultLimit, string? MaxLimitRequestRatio);

/// <summary>The rows kubectl describe prints for limit ranges, and the table they make.</summary>
internal static class LimitRangeRows
{
    public const string Header = "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio";
    public const string Rule = "----\t--------\t---\t---\t---------------\t-------------\t-----------------------";

    /// <summary>
    /// A row per type and resource, in the order of the spec's items; resources by name (kubectl's order among
    /// them changes from run to run).
    /// </summary>
    public static IEnumerable<DescribedLimit> Of(LimitRange limitRange)
    {
        foreach (var item in limitRange.Spec?.Limits ?? [])
        {
            var resources = new[] { item.Min, item.Max, item.DefaultRequest, item.Default, item.MaxLimitRequestRatio }
                .SelectMany(values => values?.Keys ?? Enumerable.Empty<string>())
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                yield return new DescribedLimit(limitRange.Name ?? "", item.Type ?? "", resource,
                    Value(item.Min, resource), Value(item.Max, resource), Value(item.DefaultRequest, resource),
                    Value(item.Default, resource), Value(item.MaxLimitRequestRatio, resource));
            }
        }
    }

    /// <summary>Writes each row after <paramref name="prefix"/> (a space under a namespace, nothing for one limit range).</summary>
    public static void Write(DescriptionWriter w, IEnumerable<DescribedLimit> rows, string prefix)
    {
        foreach (var row in rows)
        {
            w.Line(0, $"{prefix}{row.Type}\t{row.Resource}\t{Text(row.Min)}\t{Text(row.Max)}\t{Text(row.DefaultRequest)}\t{Text(row.DefaultLimit)}\t{Text(row.MaxLimitRequestRatio)}");
        }
    }

    // kubectl prints a quantity in its canonical form (500m, 1Gi), whatever form it was written in.
    private static string? Value(Dictionary<string, string>? values, string resource) =>
        values is not null && values.TryGetValue(resource, out var text) ? QuantityText.Canonicalize(text, out _) ?? text : null;

    private static string Text(string? value) => value ?? "-";
}
