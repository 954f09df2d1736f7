namespace PSKube.Client.Tests.Printing;

public class TableClusterTests
{
    [Fact]
    public void Node()
    {
        var cells = PrintingTestData.Cells("Node", """
            {"metadata":{"name":"node-a","creationTimestamp":"ago(864000)",
                         "labels":{"node-role.kubernetes.io/master":"","node-role.kubernetes.io/control-plane":"","kubernetes.io/role":"infra",
                                   "node-role.kubernetes.io/":"ignored","kubernetes.io/hostname":"node-a"}},
             "spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
                       "addresses":[{"type":"Hostname","address":"node-a"},{"type":"InternalIP","address":"192.168.1.10"},{"type":"InternalIP","address":"192.168.1.11"}],
                       "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Ubuntu 24.04 LTS","kernelVersion":"6.8.0","containerRuntimeVersion":"containerd://1.7.22"}}}
            """);
        Assert.Equal(
            new object?[] { "node-a", "Ready,SchedulingDisabled", "control-plane,infra,master", "10d", "v1.32.0", "192.168.1.10", "<none>", "Ubuntu 24.04 LTS", "6.8.0", "containerd://1.7.22" },
            cells);
    }

    [Fact]
    public void NodeWithNothingKnown() =>
        Assert.Equal(
            new object?[] { "n", "Unknown", "<none>", "<unknown>", "", "<none>", "<none>", "<unknown>", "<unknown>", "<unknown>" },
            PrintingTestData.Cells("Node", """{"metadata":{"name":"n"}}"""));

    [Theory]
    [InlineData("""[]""", false, "Unknown")]
    [InlineData("""[]""", true, "Unknown,SchedulingDisabled")]
    [InlineData("""[{"type":"Ready","status":"False"}]""", false, "NotReady")]
    [InlineData("""[{"type":"Ready","status":"Unknown"}]""", false, "NotReady")]
    [InlineData("""[{"type":"Ready","status":"False"},{"type":"Ready","status":"True"}]""", false, "Ready")]
    [InlineData("""[{"type":"DiskPressure","status":"True"}]""", false, "Unknown")]
    public void NodeStatus(string conditions, bool cordoned, string expected)
    {
        var json = """{"spec":{"unschedulable":$cordoned},"status":{"conditions":$conditions}}"""
            .Replace("$cordoned", cordoned ? "true" : "false", StringComparison.Ordinal)
            .Replace("$conditions", conditions, StringComparison.Ordinal);
        Assert.Equal(expected, PrintingTestData.Cells("Node", json)[1]);
    }

    [Fact]
    public void Namespace() =>
        Assert.Equal(
            new object?[] { "dev", "Active", "30s" },
            PrintingTestData.Cells("Namespace", """{"metadata":{"name":"dev","creationTimestamp":"ago(30)"},"status":{"phase":"Active"}}"""));

    [Fact]
    public void CoreEvent()
    {
        var cells = PrintingTestData.Cells("Event", """
            {"metadata":{"name":"web-1.17c2a","creationTimestamp":"ago(600)"},
             "involvedObject":{"kind":"Pod","name":"web-1","fieldPath":"spec.containers{web}"},
             "reason":"BackOff","message":"Back-off restarting failed container\n","type":"Warning","count":7,
             "firstTimestamp":"ago(600)","lastTimestamp":"ago(30)","source":{"component":"kubelet","host":"node-a"}}
            """);
        Assert.Equal(
            new object?[] { "30s", "Warning", "BackOff", "pod/web-1", "spec.containers{web}", "kubelet, node-a", "Back-off restarting failed container", "10m", 7L, "web-1.17c2a" },
            cells);
    }

    [Fact]
    public void EventWithASeries()
    {
        var cells = PrintingTestData.Cells("Event", """
            {"metadata":{"name":"e2"},"involvedObject":{"kind":"Node"},"reason":"Rebooted","message":"rebooted","type":"Normal",
             "eventTime":"2024-05-01T11:58:00.000000Z","series":{"count":3,"lastObservedTime":"2024-05-01T11:59:50.000000Z"},
             "reportingComponent":"kubelet","reportingInstance":"node-b"}
            """);
        Assert.Equal(new object?[] { "10s", "Normal", "Rebooted", "node", "", "kubelet, node-b", "rebooted", "2m", 3L, "e2" }, cells);
    }

    [Fact]
    public void SingletonEventWithoutCountOrHost()
    {
        var cells = PrintingTestData.Cells("Event", """
            {"metadata":{"name":"e3"},"involvedObject":{"kind":"Deployment","name":"web"},"reason":"ScalingReplicaSet",
             "message":"Scaled up","type":"Normal","eventTime":"ago(5)","source":{"component":"deployment-controller"}}
            """);
        Assert.Equal(new object?[] { "5s", "Normal", "ScalingReplicaSet", "deployment/web", "", "deployment-controller", "Scaled up", "5s", 1L, "e3" }, cells);
    }

    [Fact]
    public void EventWithoutTimes() =>
        Assert.Equal(
            new object?[] { "<unknown>", "", "", "", "", "", "", "<unknown>", 1L, "" },
            PrintingTestData.Cells("Event", "{}"));
}
