using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>ConfigMaps: NAME DATA AGE.</summary>
internal sealed class ConfigMapPrinter : ResourcePrinter<ConfigMap>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        // Declared as a string column, but the cell is an integer, as the real server sends it.
        PrintColumns.Text("Data", "How many keys the ConfigMap holds, text and binary."),
        PrintColumns.Age,
    ];

    protected override object?[] RowOf(ConfigMap obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), (long)obj.DataCount, PrintCells.Age(obj, now)];
}
