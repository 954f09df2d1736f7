using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>DaemonSets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, and CONTAINERS, IMAGES, SELECTOR when wide.</summary>
internal sealed class DaemonSetPrinter : ResourcePrinter<DaemonSet>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Integer("Desired", "Nodes that should run the daemon pod."),
        PrintColumns.Integer("Current", "Nodes running at least one daemon pod."),
        PrintColumns.Integer("Ready", "Nodes whose daemon pod is ready."),
        PrintColumns.Integer("Up-to-date", "Nodes running the latest pod template."),
        PrintColumns.Integer("Available", "Nodes whose daemon pod is available."),
        PrintColumns.Text("Node Selector", "The node labels the pod template requires."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
        PrintColumns.Selector,
    ];

    protected override object?[] RowOf(DaemonSet obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        (long)obj.Desired,
        (long)obj.Current,
        (long)obj.ReadyCount,
        (long)obj.UpToDate,
        (long)obj.Available,
        obj.NodeSelector,
        PrintCells.Age(obj, now),
        obj.Containers,
        obj.Images,
        obj.Selector,
    ];
}
