using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>ReplicaSets: NAME DESIRED CURRENT READY AGE, and CONTAINERS, IMAGES, SELECTOR when wide.</summary>
internal sealed class ReplicaSetPrinter : ResourcePrinter<ReplicaSet>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Integer("Desired", "Pods the ReplicaSet should run."),
        PrintColumns.Integer("Current", "Pods the ReplicaSet runs now."),
        PrintColumns.Integer("Ready", "Pods that are ready."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
        PrintColumns.Selector,
    ];

    protected override object?[] RowOf(ReplicaSet obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        (long)obj.Desired,
        (long)obj.Current,
        (long)obj.ReadyReplicas,
        PrintCells.Age(obj, now),
        obj.Containers,
        obj.Images,
        obj.Selector,
    ];
}
