using PSKube.Client.Models;
using PSKube.Client.Printing;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayClusterTests
{
    private static readonly DateTimeOffset Now = PrintingTestData.Now;

    [Fact]
    public void Display_Node_ShowsKubectlsColumns()
    {
        var node = PrintingTestData.Read<Node>("""
            {"metadata":{"name":"node-1","labels":{"node-role.kubernetes.io/control-plane":"","node-role.kubernetes.io/etcd":"","kubernetes.io/os":"linux"}},
             "spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
                       "capacity":{"cpu":"4"},
                       "addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"192.168.1.10"}],
                       "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Ubuntu 24.04 LTS","kernelVersion":"6.8.0","containerRuntimeVersion":"containerd://1.7.2"}}}
            """);

        Assert.Equal("Ready,SchedulingDisabled", node.Status);
        Assert.Equal("control-plane,etcd", node.Roles);
        Assert.Equal("v1.32.0", node.Version);
        Assert.Equal("192.168.1.10", node.InternalIP);
        Assert.Equal("<none>", node.ExternalIP);
        Assert.Equal("Ubuntu 24.04 LTS", node.OSImage);
        Assert.Equal("6.8.0", node.KernelVersion);
        Assert.Equal("containerd://1.7.2", node.ContainerRuntime);

        // Status is the STATUS text; the status object's resources are properties of their own.
        Assert.Equal("4", node.Capacity["cpu"]);
        Assert.Equal("4", node.NodeStatus!.Capacity!["cpu"]);
        Assert.Empty(node.Allocatable);
        DisplayCells.Match(
            node,
            ("Status", node.Status),
            ("Roles", node.Roles),
            ("Version", node.Version),
            ("Internal-IP", node.InternalIP),
            ("External-IP", node.ExternalIP),
            ("OS-Image", node.OSImage),
            ("Kernel-Version", node.KernelVersion),
            ("Container-Runtime", node.ContainerRuntime));
    }

    [Fact]
    public void Display_Node_WithoutReadyConditionIsUnknown()
    {
        var node = new Node();
        Assert.Equal("Unknown", node.Status);
        Assert.Equal("<none>", node.Roles);
        Assert.Equal("<unknown>", node.OSImage);
    }

    [Fact]
    public void Display_Node_NotReady()
    {
        var node = PrintingTestData.Read<Node>("""{"status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}""");
        Assert.Equal("NotReady", node.Status);
    }

    [Fact]
    public void Display_Event_ShowsKubectlsWideColumns()
    {
        var warning = PrintingTestData.Read<Event>("""
            {"metadata":{"name":"kuard.17f","namespace":"default"},
             "involvedObject":{"kind":"Pod","name":"kuard","fieldPath":"spec.containers{kuard}"},
             "type":"Warning","reason":"BackOff","message":"Back-off restarting failed container",
             "source":{"component":"kubelet","host":"node-1"},
             "firstTimestamp":"ago(600)","lastTimestamp":"ago(30)","count":7}
            """);

        Assert.Equal("pod/kuard", warning.Object);
        Assert.Equal("spec.containers{kuard}", warning.SubObject);
        Assert.Equal("kubelet, node-1", warning.Reporter);
        Assert.Equal(7, warning.Occurrences);
        Assert.Equal("30s", EventPrinter.LastSeen(warning, Now));
        Assert.Equal("10m", EventPrinter.FirstSeen(warning, Now));
        DisplayCells.Match(
            warning,
            ("Last Seen", EventPrinter.LastSeen(warning, Now)),
            ("Object", warning.Object),
            ("Subobject", warning.SubObject),
            ("Source", warning.Reporter),
            ("First Seen", EventPrinter.FirstSeen(warning, Now)),
            ("Count", warning.Occurrences));
    }

    [Fact]
    public void Display_Event_OfTheEventsApiUsesItsSeries()
    {
        var series = PrintingTestData.Read<Event>("""
            {"eventTime":"ago(900)","series":{"count":4,"lastObservedTime":"ago(60)"},
             "reportingComponent":"default-scheduler","involvedObject":{"kind":"Node"}}
            """);

        Assert.Equal(4, series.Occurrences);
        Assert.Equal("node", series.Object);
        Assert.Equal("default-scheduler", series.Reporter);
        DisplayCells.Match(
            series,
            ("Last Seen", EventPrinter.LastSeen(series, Now)),
            ("First Seen", EventPrinter.FirstSeen(series, Now)),
            ("Count", series.Occurrences),
            ("Source", series.Reporter));
    }

    [Fact]
    public void Display_Event_SingletonCountsOnce() => Assert.Equal(1, new Event().Occurrences);

    [Fact]
    public void Display_Event_SeenTimesFollowTheRealClock()
    {
        var happened = new Event { FirstTimestamp = DateTimeOffset.UtcNow.AddSeconds(-620) };
        Assert.Equal("10m", happened.FirstSeen.ToString());
        Assert.Equal("10m", happened.LastSeen.ToString());
        Assert.Null(new Event().LastSeen);
    }
}
