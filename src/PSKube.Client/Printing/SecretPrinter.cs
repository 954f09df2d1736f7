using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Secrets: NAME TYPE DATA AGE.</summary>
internal sealed class SecretPrinter : ResourcePrinter<Secret>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Type", "The secret's type, such as Opaque or kubernetes.io/tls."),
        // Declared as a string column, but the cell is an integer, as the real server sends it.
        PrintColumns.Text("Data", "How many keys the secret holds."),
        PrintColumns.Age,
    ];

    protected override object?[] RowOf(Secret obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.Type ?? string.Empty, (long)obj.DataCount, PrintCells.Age(obj, now)];
}
