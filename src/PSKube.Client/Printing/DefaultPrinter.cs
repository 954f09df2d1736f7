using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>
/// The API server's table for kinds without columns of their own (custom resources, most other kinds):
/// the name and the creation time as an RFC 3339 string in UTC.
/// </summary>
internal sealed class DefaultPrinter : ResourcePrinter
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        new("Created At", "date", string.Empty, "When the object was created.", 0),
    ];

    public override IReadOnlyList<object?> Cells(KubeObject obj, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(obj);

        // A missing timestamp is Go's zero time, which the server prints as 0001-01-01T00:00:00Z.
        var created = obj.Metadata?.CreationTimestamp?.UtcDateTime ?? DateTime.MinValue;
        return [PrintCells.Name(obj), created.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)];
    }
}
