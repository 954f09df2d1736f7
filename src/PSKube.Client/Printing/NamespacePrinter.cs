using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Namespaces: NAME STATUS AGE.</summary>
internal sealed class NamespacePrinter : ResourcePrinter<Namespace>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Status", "Active, or Terminating while the namespace is deleted."),
        PrintColumns.Age,
    ];

    protected override object?[] RowOf(Namespace obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.Status, PrintCells.Age(obj, now)];
}
