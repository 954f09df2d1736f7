using PSKube.Client.Models;
using PSKube.Client.Printing;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

/// <summary>Compares a display property with the cell the kind's printer makes for the same column.</summary>
internal static class DisplayCells
{
    /// <summary>The cell of <paramref name="column"/> (the printer's column name) for <paramref name="obj"/>, printed at <see cref="PrintingTestData.Now"/>.</summary>
    public static object? Cell(KubeObject obj, string column)
    {
        var printer = Assert.IsAssignableFrom<ResourcePrinter>(ResourcePrinters.For(obj.GetType().Name));
        var index = printer.Columns.Select(c => c.Name).ToList().IndexOf(column);
        Assert.True(index >= 0, $"{obj.GetType().Name} has no column {column}");
        return printer.Cells(obj, PrintingTestData.Now)[index];
    }

    /// <summary>
    /// Each property equals its column's cell; counts are ints on the model and int64 in a Table, as the server sends them.
    /// </summary>
    public static void Match(KubeObject obj, params (string Column, object Property)[] pairs)
    {
        foreach (var (column, property) in pairs)
        {
            var expected = property is int count ? (long)count : property;
            Assert.True(Equals(expected, Cell(obj, column)), $"{obj.GetType().Name}.{column}: property {expected}, cell {Cell(obj, column)}");
        }
    }
}
