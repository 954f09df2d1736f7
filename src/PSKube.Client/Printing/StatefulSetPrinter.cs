using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>StatefulSets: NAME READY AGE, and CONTAINERS, IMAGES when wide (no selector column).</summary>
internal sealed class StatefulSetPrinter : ResourcePrinter<StatefulSet>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Ready", "Ready pods over desired pods."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
    ];

    protected override object?[] RowOf(StatefulSet obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.Ready, PrintCells.Age(obj, now), obj.Containers, obj.Images];
}
