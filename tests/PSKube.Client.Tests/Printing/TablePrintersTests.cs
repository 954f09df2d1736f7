using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class TablePrintersTests
{
    [Theory]
    [InlineData("ReplicationController")] // a real server has columns for it, but there is no model yet
    [InlineData("PersistentVolumeClaim")]
    [InlineData("Widget")]
    [InlineData("pod")] // kinds are case-sensitive
    public void KindsWithoutAPrinter(string kind) => Assert.Null(ResourcePrinters.For(kind));

    [Fact]
    public void DefaultPrinterShowsNameAndCreationTime()
    {
        var printer = ResourcePrinters.Default;
        Assert.Equal(
            ["Name:string:name:0", "Created At:date::0"],
            printer.Columns.Select(column => $"{column.Name}:{column.Type}:{column.Format}:{column.Priority}"));

        var widget = ResourcePrinters.Deserialize("Widget", """{"metadata":{"name":"w","creationTimestamp":"2024-05-01T12:30:00+02:00"}}""");
        Assert.Equal(new object?[] { "w", "2024-05-01T10:30:00Z" }, printer.Cells(widget!, PrintingTestData.Now));
    }

    [Fact]
    public void DefaultPrinterPrintsAMissingCreationTimeAsGoZeroTime() =>
        Assert.Equal(new object?[] { "", "0001-01-01T00:00:00Z" }, ResourcePrinters.Default.Cells(new GenericKubeObject(), PrintingTestData.Now));

    [Theory]
    [InlineData("Pod", typeof(Pod))]
    [InlineData("Deployment", typeof(Deployment))]
    [InlineData("Event", typeof(Event))]
    [InlineData("Endpoints", typeof(Endpoints))]
    [InlineData("PersistentVolumeClaim", typeof(PersistentVolumeClaim))]
    [InlineData("Widget", typeof(GenericKubeObject))]
    public void DeserializesToTheKindsModel(string kind, Type expected)
    {
        var obj = ResourcePrinters.Deserialize(kind, """{"kind":"$kind","metadata":{"name":"x"},"spec":{"size":3}}""".Replace("$kind", kind, StringComparison.Ordinal));
        Assert.IsType(expected, obj);
        Assert.Equal("x", obj!.Name);
    }

    [Fact]
    public void DeserializesNull() => Assert.Null(ResourcePrinters.Deserialize("Pod", "null"));

    [Fact]
    public void RejectsAnObjectOfAnotherKind()
    {
        var printer = ResourcePrinters.For("Pod")!;
        Assert.Throws<ArgumentException>(() => printer.Cells(new Deployment(), PrintingTestData.Now));
    }
}
