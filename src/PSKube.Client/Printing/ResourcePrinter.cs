using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>The columns and cells the API server prints for one kind (what <c>kubectl get</c> shows).</summary>
public abstract class ResourcePrinter
{
    /// <summary>Every column, the -o wide ones included (priority above 0).</summary>
    public abstract IReadOnlyList<PrintColumn> Columns { get; }

    /// <summary>
    /// One row: a cell for every column, as the server sends it (a string, or a number for counts).
    /// <paramref name="obj"/> must be the typed model of the printer's kind.
    /// </summary>
    public abstract IReadOnlyList<object?> Cells(KubeObject obj, DateTimeOffset now);
}
