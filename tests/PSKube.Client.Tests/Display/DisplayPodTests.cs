using PSKube.Client.Models;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayPodTests
{
    [Fact]
    public void Display_Pod_ShowsKubectlsColumns()
    {
        var pod = PrintingTestData.Read<Pod>("""
            {"metadata":{"name":"web-1","namespace":"shop"},
             "spec":{"nodeName":"node-a","containers":[{"name":"web"},{"name":"log"}],
                     "readinessGates":[{"conditionType":"example.com/lb"},{"conditionType":"example.com/dns"}]},
             "status":{"phase":"Running","podIP":"10.244.0.9","nominatedNodeName":"node-b",
                       "conditions":[{"type":"example.com/lb","status":"True"}],
                       "containerStatuses":[{"name":"web","ready":true,"restartCount":2,"state":{"running":{}}},
                                            {"name":"log","ready":false,"restartCount":1,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
            """);

        Assert.Equal("CrashLoopBackOff", pod.Status);
        Assert.Equal("1/2", pod.ReadyContainers);
        Assert.False(pod.Ready);
        Assert.Equal(3, pod.Restarts);
        Assert.Equal("10.244.0.9", pod.IP);
        Assert.Equal("node-a", pod.Node);
        Assert.Equal("node-b", pod.NominatedNode);
        Assert.Equal("1/2", pod.ReadinessGates);
        Assert.Equal("Running", pod.PodStatus!.Phase);
        DisplayCells.Match(
            pod,
            ("Ready", pod.ReadyContainers),
            ("Status", pod.Status),
            ("IP", pod.IP!),
            ("Node", pod.Node!),
            ("Nominated Node", pod.NominatedNode!),
            ("Readiness Gates", pod.ReadinessGates));
    }

    [Fact]
    public void Display_Pod_WithoutGatesOrAddressesLikeTheServer()
    {
        var pod = PrintingTestData.Read<Pod>("""{"metadata":{"name":"new"},"status":{"phase":"Pending"}}""");
        Assert.Equal("Pending", pod.Status);
        Assert.Equal("0/0", pod.ReadyContainers);
        Assert.False(pod.Ready);
        Assert.Null(pod.IP);
        Assert.Null(pod.NominatedNode);
        Assert.Equal("<none>", pod.ReadinessGates);
        Assert.Equal("<none>", DisplayCells.Cell(pod, "IP"));
    }

    [Fact]
    public void Display_Pod_ReadyIsTheReadyCondition()
    {
        var pod = PrintingTestData.Read<Pod>("""
            {"metadata":{"name":"web-1"},"spec":{"containers":[{"name":"web","image":"nginx"}]},
             "status":{"phase":"Running","conditions":[{"type":"ContainersReady","status":"True"},{"type":"Ready","status":"True"}],
                       "containerStatuses":[{"name":"web","ready":true,"state":{"running":{}}}]}}
            """);
        Assert.True(pod.Ready);
        Assert.Equal("1/1", pod.ReadyContainers);
    }

    [Fact]
    public void Display_Job_CompletionTimeAndDurationAreValues()
    {
        var job = PrintingTestData.Read<Job>("""
            {"metadata":{"name":"render"},"status":{"startTime":"ago(300)","completionTime":"ago(180)","succeeded":1}}
            """);
        Assert.Equal(PrintingTestData.Now.AddSeconds(-180), job.CompletionTime);
        Assert.Equal(TimeSpan.FromMinutes(2), job.Duration!.Value.TimeSpan);
        Assert.Equal("2m", job.Duration.ToString());
        Assert.Null(new Job().Duration);
        Assert.Null(new Job().CompletionTime);
    }
}
