using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Pod disruption budgets: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE.</summary>
internal sealed class PodDisruptionBudgetPrinter : ResourcePrinter<PodDisruptionBudget>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Min Available", "The minimum number of pods that must be available simultaneously.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
        PrintColumns.Text("Max Unavailable", "The maximum number of pods that may be unavailable.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
        PrintColumns.Integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
        PrintColumns.Age,
    ];

    /// <summary>The MIN AVAILABLE or MAX UNAVAILABLE column: the number or percentage, <c>N/A</c> when the budget counts the other.</summary>
    public static string Count(IntOrString? count) => count?.ToString() ?? "N/A";

    protected override object?[] RowOf(PodDisruptionBudget obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.MinAvailable, obj.MaxUnavailable, (long)obj.AllowedDisruptions, PrintCells.Age(obj, now)];
}
