namespace PSKube.Client.Tests.Printing;

public class TablePodTests
{
    [Fact]
    public void PrintsARunningPodWithTheWideColumns()
    {
        var cells = PrintingTestData.Cells("Pod", """
            {"metadata":{"name":"web-1","creationTimestamp":"ago(600)"},
             "spec":{"nodeName":"node-a","containers":[{"name":"web"}],
                     "readinessGates":[{"conditionType":"example.com/lb"},{"conditionType":"example.com/dns"}]},
             "status":{"phase":"Running","podIP":"10.1.2.3","podIPs":[{"ip":"10.1.2.3"},{"ip":"fd00::3"}],
                       "conditions":[{"type":"example.com/lb","status":"True"},{"type":"example.com/dns","status":"False"},{"type":"Ready","status":"True"}],
                       "containerStatuses":[{"name":"web","ready":true,"restartCount":2,"state":{"running":{}},
                                             "lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(90)"}}}]}}
            """);
        Assert.Equal(new object?[] { "web-1", "1/1", "Running", "2 (90s ago)", "10m", "10.1.2.3", "node-a", "<none>", "1/2" }, cells);
    }

    [Fact]
    public void PrintsAPendingPodWithPlaceholders()
    {
        var cells = PrintingTestData.Cells("Pod", """
            {"metadata":{"name":"p"},"status":{"phase":"Pending","podIPs":[{"ip":"fd00::1"}],"nominatedNodeName":"node-b"}}
            """);
        Assert.Equal(new object?[] { "p", "0/0", "Pending", "0", "<unknown>", "fd00::1", "<none>", "node-b", "<none>" }, cells);
    }
}
