using System.Globalization;
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

    protected override object?[] RowOf(Deployment obj, DateTimeOffset now)
    {
        var (names, images) = PrintCells.Containers(obj.Spec?.Template);

        // Unlike most printers, an empty selector prints as an empty string, not <none>.
        var selector = LabelFormatting.TryFormatSelector(obj.Spec?.Selector, out var text) ? text : "<invalid>";
        return
        [
            PrintCells.Name(obj),
            string.Create(CultureInfo.InvariantCulture, $"{obj.Status?.ReadyReplicas ?? 0}/{PrintCells.DesiredReplicas(obj.Spec?.Replicas)}"),
            PrintCells.Count(obj.Status?.UpdatedReplicas),
            PrintCells.Count(obj.Status?.AvailableReplicas),
            PrintCells.Age(obj, now),
            names,
            images,
            selector,
        ];
    }
}
