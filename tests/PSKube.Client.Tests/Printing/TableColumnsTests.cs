using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class TableColumnsTests
{
    // Name:type:format:priority for every column, in the order the real 1.32 server sends them.
    public static TheoryData<string, string> Kinds => new()
    {
        { "Pod", "Name:string:name:0|Ready:string::0|Status:string::0|Restarts:string::0|Age:string::0|IP:string::1|Node:string::1|Nominated Node:string::1|Readiness Gates:string::1" },
        { "Deployment", "Name:string:name:0|Ready:string::0|Up-to-date:string::0|Available:string::0|Age:string::0|Containers:string::1|Images:string::1|Selector:string::1" },
        { "ReplicaSet", "Name:string:name:0|Desired:integer::0|Current:integer::0|Ready:integer::0|Age:string::0|Containers:string::1|Images:string::1|Selector:string::1" },
        { "StatefulSet", "Name:string:name:0|Ready:string::0|Age:string::0|Containers:string::1|Images:string::1" },
        { "DaemonSet", "Name:string:name:0|Desired:integer::0|Current:integer::0|Ready:integer::0|Up-to-date:integer::0|Available:integer::0|Node Selector:string::0|Age:string::0|Containers:string::1|Images:string::1|Selector:string::1" },
        { "Job", "Name:string:name:0|Status:string::0|Completions:string::0|Duration:string::0|Age:string::0|Containers:string::1|Images:string::1|Selector:string::1" },
        { "CronJob", "Name:string:name:0|Schedule:string::0|Timezone:string::0|Suspend:boolean::0|Active:integer::0|Last Schedule:string::0|Age:string::0|Containers:string::1|Images:string::1|Selector:string::1" },
        { "Service", "Name:string:name:0|Type:string::0|Cluster-IP:string::0|External-IP:string::0|Port(s):string::0|Age:string::0|Selector:string::1" },
        { "Node", "Name:string:name:0|Status:string::0|Roles:string::0|Age:string::0|Version:string::0|Internal-IP:string::1|External-IP:string::1|OS-Image:string::1|Kernel-Version:string::1|Container-Runtime:string::1" },
        { "Namespace", "Name:string:name:0|Status:string::0|Age:string::0" },
        { "Event", "Last Seen:string::0|Type:string::0|Reason:string::0|Object:string::0|Subobject:string::1|Source:string::1|Message:string::0|First Seen:string::1|Count:string::1|Name:string:name:1" },
        { "ConfigMap", "Name:string:name:0|Data:string::0|Age:string::0" },
        { "Secret", "Name:string:name:0|Type:string::0|Data:string::0|Age:string::0" },
        { "Endpoints", "Name:string:name:0|Endpoints:string::0|Age:string::0" },
        { "ServiceAccount", "Name:string:name:0|Secrets:string::0|Age:string::0" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MatchTheRealServersColumns(string kind, string expected)
    {
        var printer = Assert.IsAssignableFrom<ResourcePrinter>(ResourcePrinters.For(kind));
        Assert.Equal(expected, string.Join('|', printer.Columns.Select(column => $"{column.Name}:{column.Type}:{column.Format}:{column.Priority}")));
        Assert.All(printer.Columns, column => Assert.False(string.IsNullOrWhiteSpace(column.Description)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryColumnHasACellEvenForAnEmptyObject(string kind, string columns)
    {
        var cells = PrintingTestData.Cells(kind, "{}");
        Assert.Equal(columns.Split('|').Length, cells.Count);
        Assert.All(cells, cell => Assert.True(cell is string or long, $"{kind}: a cell of type {cell?.GetType().Name ?? "null"}"));
    }
}
