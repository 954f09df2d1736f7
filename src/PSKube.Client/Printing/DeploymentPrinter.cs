using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Deployments: NAME READY UP-TO-DATE AVAILABLE AGE, and CONTAINERS, IMAGES, SELECTOR when wide.</summary>
internal sealed class DeploymentPrinter : ResourcePrinter<Deployment>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Ready", "Ready pods over desired pods."),
        // The real server declares these two as strings although it sends integers.
        PrintColumns.Text("Up-to-date", "Pods running the latest pod template."),
        PrintColumns.Text("Available", "Pods ready for at least minReadySeconds."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
        PrintColumns.Selector,
    ];

    // Unlike most printers, an empty selector prints as an empty string, not <none>.
    internal static string Selector(LabelSelector? selector) =>
        LabelFormatting.TryFormatSelector(selector, out var text) ? text : "<invalid>";

    protected override object?[] RowOf(Deployment obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        obj.Ready,
        (long)obj.UpToDate,
        (long)obj.Available,
        PrintCells.Age(obj, now),
        obj.Containers,
        obj.Images,
        obj.Selector,
    ];
}
