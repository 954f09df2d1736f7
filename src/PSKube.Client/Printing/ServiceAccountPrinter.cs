using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>ServiceAccounts: NAME SECRETS AGE.</summary>
internal sealed class ServiceAccountPrinter : ResourcePrinter<ServiceAccount>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        // Declared as a string column, but the cell is an integer, as the real server sends it.
        PrintColumns.Text("Secrets", "How many secrets the service account lists."),
        PrintColumns.Age,
    ];

    protected override object?[] RowOf(ServiceAccount obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), (long)obj.SecretCount, PrintCells.Age(obj, now)];
}
