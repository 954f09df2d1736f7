using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class PodStatusTests
{
    [Theory]
    [InlineData("phase", """{"status":{"phase":"Pending"}}""", "Pending")]
    [InlineData("no status at all", """{}""", "")]
    [InlineData("status.reason wins over the phase", """{"status":{"phase":"Failed","reason":"Evicted"}}""", "Evicted")]
    [InlineData("scheduling gates", """{"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}}""", "SchedulingGated")]
    [InlineData("unschedulable is just Pending", """{"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"Unschedulable"}]}}""", "Pending")]
    public void StartsFromThePhaseOrTheReason(string why, string json, string expected) =>
        Assert.True(expected == PodPrinting.Status(PrintingTestData.Pod(json)), why);

    [Theory]
    [InlineData("second init container running",
        """
        {"spec":{"initContainers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Pending","initContainerStatuses":[
            {"name":"a","state":{"terminated":{"exitCode":0,"reason":"Completed"}}},{"name":"b","state":{"running":{}}}]}}
        """,
        "Init:1/2")]
    [InlineData("init container without a state yet",
        """{"spec":{"initContainers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{}},{"name":"b","state":{}}]}}""",
        "Init:0/2")]
    [InlineData("waiting for PodInitializing counts as in progress",
        """{"spec":{"initContainers":[{"name":"a"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{"waiting":{"reason":"PodInitializing"}}}]}}""",
        "Init:0/1")]
    [InlineData("waiting reason",
        """{"spec":{"initContainers":[{"name":"a"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}""",
        "Init:CrashLoopBackOff")]
    [InlineData("terminated reason",
        """{"spec":{"initContainers":[{"name":"a"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{"terminated":{"exitCode":1,"reason":"Error"}}}]}}""",
        "Init:Error")]
    [InlineData("exit code without a reason",
        """{"spec":{"initContainers":[{"name":"a"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{"terminated":{"exitCode":3}}}]}}""",
        "Init:ExitCode:3")]
    [InlineData("signal without a reason",
        """{"spec":{"initContainers":[{"name":"a"}]},"status":{"phase":"Pending","initContainerStatuses":[{"name":"a","state":{"terminated":{"exitCode":137,"signal":9}}}]}}""",
        "Init:Signal:9")]
    [InlineData("the first unfinished init container decides",
        """
        {"spec":{"initContainers":[{"name":"a"},{"name":"b"}]},"status":{"phase":"Pending","initContainerStatuses":[
            {"name":"a","state":{"waiting":{"reason":"ImagePullBackOff"}}},{"name":"b","state":{"terminated":{"exitCode":1,"reason":"Error"}}}]}}
        """,
        "Init:ImagePullBackOff")]
    [InlineData("a started sidecar does not hold up initialization",
        """
        {"spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"app"}]},"status":{"phase":"Running",
            "initContainerStatuses":[{"name":"proxy","started":true,"ready":true,"state":{"running":{}}}],
            "containerStatuses":[{"name":"app","ready":true,"state":{"running":{}}}]}}
        """,
        "Running")]
    [InlineData("a sidecar that has not started yet does",
        """
        {"spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"app"}]},"status":{"phase":"Pending",
            "initContainerStatuses":[{"name":"proxy","started":false,"state":{"running":{}}}]}}
        """,
        "Init:0/1")]
    [InlineData("once Initialized is true the containers decide",
        """
        {"spec":{"initContainers":[{"name":"a"}],"containers":[{"name":"app"}]},"status":{"phase":"Running",
            "conditions":[{"type":"Initialized","status":"True"}],
            "initContainerStatuses":[{"name":"a","state":{"terminated":{"exitCode":1,"reason":"Error"}}}],
            "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
        """,
        "CrashLoopBackOff")]
    [InlineData("only the first Initialized condition counts",
        """
        {"spec":{"initContainers":[{"name":"a"}],"containers":[{"name":"app"}]},"status":{"phase":"Pending",
            "conditions":[{"type":"Initialized","status":"False"},{"type":"Initialized","status":"True"}],
            "initContainerStatuses":[{"name":"a","state":{"running":{}}}],
            "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"PodInitializing"}}}]}}
        """,
        "Init:0/1")]
    public void WalksTheInitContainers(string why, string json, string expected) =>
        Assert.True(expected == PodPrinting.Status(PrintingTestData.Pod(json)), $"{why}: got {PodPrinting.Status(PrintingTestData.Pod(json))}");

    [Theory]
    [InlineData("waiting reason", """[{"state":{"waiting":{"reason":"ImagePullBackOff"}}}]""", "Running", "ImagePullBackOff")]
    [InlineData("waiting without a reason keeps the phase", """[{"state":{"waiting":{}}}]""", "Pending", "Pending")]
    [InlineData("creating", """[{"state":{"waiting":{"reason":"ContainerCreating"}}}]""", "Pending", "ContainerCreating")]
    [InlineData("terminated reason", """[{"state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]""", "Running", "OOMKilled")]
    [InlineData("completed", """[{"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]""", "Succeeded", "Completed")]
    [InlineData("signal without a reason", """[{"state":{"terminated":{"exitCode":143,"signal":15}}}]""", "Failed", "Signal:15")]
    [InlineData("exit code without a reason", """[{"state":{"terminated":{"exitCode":2}}}]""", "Failed", "ExitCode:2")]
    [InlineData("exit code 0 without a reason", """[{"state":{"terminated":{"exitCode":0}}}]""", "Succeeded", "ExitCode:0")]
    [InlineData("the first container wins", """[{"state":{"waiting":{"reason":"ErrImagePull"}}},{"state":{"terminated":{"exitCode":1,"reason":"Error"}}}]""", "Running", "ErrImagePull")]
    [InlineData("a running container leaves the last reason", """[{"ready":true,"state":{"running":{}}},{"state":{"terminated":{"exitCode":1,"reason":"Error"}}}]""", "Running", "Error")]
    [InlineData("all running", """[{"ready":true,"state":{"running":{}}},{"ready":false,"state":{"running":{}}}]""", "Running", "Running")]
    public void TakesTheContainersReasons(string why, string containerStatuses, string phase, string expected)
    {
        var pod = PrintingTestData.Pod("""
            {"status":{"phase":"$phase","containerStatuses":$statuses}}
            """.Replace("$phase", phase, StringComparison.Ordinal).Replace("$statuses", containerStatuses, StringComparison.Ordinal));
        Assert.True(expected == PodPrinting.Status(pod), $"{why}: got {PodPrinting.Status(pod)}");
    }

    [Theory]
    [InlineData("ready pod", """[{"type":"Ready","status":"True"}]""", true, "Running")]
    [InlineData("pod not ready", """[{"type":"Ready","status":"False"}]""", true, "NotReady")]
    [InlineData("no conditions", "[]", true, "NotReady")]
    [InlineData("the other container is running but not ready", """[{"type":"Ready","status":"True"}]""", false, "Completed")]
    public void CompletedButStillRunning(string why, string conditions, bool otherReady, string expected)
    {
        var pod = PrintingTestData.Pod("""
            {"status":{"phase":"Running","conditions":$conditions,"containerStatuses":[
              {"name":"job","state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
              {"name":"server","ready":$ready,"state":{"running":{}}}]}}
            """.Replace("$conditions", conditions, StringComparison.Ordinal).Replace("$ready", otherReady ? "true" : "false", StringComparison.Ordinal));
        Assert.True(expected == PodPrinting.Status(pod), $"{why}: got {PodPrinting.Status(pod)}");
    }

    [Theory]
    [InlineData("Running", null, "Terminating")]
    [InlineData("Pending", null, "Terminating")]
    [InlineData("Succeeded", null, "Succeeded")]
    [InlineData("Failed", null, "Failed")]
    [InlineData("Running", "NodeLost", "Unknown")]
    [InlineData("Failed", "NodeLost", "Unknown")]
    public void DeletedPods(string phase, string? reason, string expected)
    {
        var pod = PrintingTestData.Pod("""
            {"metadata":{"name":"p","deletionTimestamp":"2024-05-01T11:59:00Z"},"status":{"phase":"$phase","reason":"$reason"}}
            """.Replace("$phase", phase, StringComparison.Ordinal).Replace("$reason", reason ?? string.Empty, StringComparison.Ordinal));
        Assert.Equal(expected, PodPrinting.Status(pod));
    }

    [Fact]
    public void NodeLostWithoutDeletionIsShownAsIs() =>
        Assert.Equal("NodeLost", PodPrinting.Status(PrintingTestData.Pod("""{"status":{"phase":"Running","reason":"NodeLost"}}""")));

    [Fact]
    public void TerminatingWinsOverContainerReasons() =>
        Assert.Equal("Terminating", PodPrinting.Status(PrintingTestData.Pod("""
            {"metadata":{"deletionTimestamp":"2024-05-01T11:59:00Z"},"status":{"phase":"Running",
              "containerStatuses":[{"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
            """)));
}
