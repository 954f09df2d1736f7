using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Resource quotas: NAME AGE REQUEST LIMIT.</summary>
internal sealed class ResourceQuotaPrinter : ResourcePrinter<ResourceQuota>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Age,
        PrintColumns.Text("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
        PrintColumns.Text("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
    ];

    /// <summary>
    /// The REQUEST (<paramref name="limits"/> false) or LIMIT column: <c>resource: used/hard</c> for each resource the
    /// quota caps, in name order; the limits.* resources are the LIMIT column.
    /// </summary>
    public static string Usage(ResourceQuotaStatus? status, bool limits)
    {
        var used = status?.Used ?? [];
        return string.Join(", ", (status?.Hard ?? [])
            .Where(pair => pair.Key.StartsWith("limits.", StringComparison.Ordinal) == limits)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}: {used.GetValueOrDefault(pair.Key, "0")}/{pair.Value}"));
    }

    protected override object?[] RowOf(ResourceQuota obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), PrintCells.Age(obj, now), Usage(obj.Status, limits: false), Usage(obj.Status, limits: true)];
}
