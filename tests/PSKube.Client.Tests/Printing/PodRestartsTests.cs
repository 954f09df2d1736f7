using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class PodRestartsTests
{
    public static TheoryData<string, string, string> Pods => new()
    {
        { "no statuses", """{}""", "0" },
        { "no restarts", """{"status":{"containerStatuses":[{"name":"a","restartCount":0}]}}""", "0" },
        { "restarts without a last termination", """{"status":{"containerStatuses":[{"name":"a","restartCount":5}]}}""", "5" },
        {
            "with the time since the last termination",
            """{"status":{"containerStatuses":[{"name":"a","restartCount":5,"lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(180)"}}}]}}""",
            "5 (3m ago)"
        },
        {
            "summed over containers, with the latest termination",
            """
            {"status":{"containerStatuses":[
              {"name":"a","restartCount":1,"lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(3600)"}}},
              {"name":"b","restartCount":2,"lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(10)"}}}]}}
            """,
            "3 (10s ago)"
        },
        {
            "init container restarts count while the pod initializes",
            """
            {"spec":{"initContainers":[{"name":"setup"}]},"status":{
              "initContainerStatuses":[{"name":"setup","restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
                "lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(120)"}}}],
              "containerStatuses":[{"name":"a","restartCount":7}]}}
            """,
            "4 (2m ago)"
        },
        {
            "finished init containers' restarts are dropped",
            """
            {"spec":{"initContainers":[{"name":"setup"}]},"status":{
              "initContainerStatuses":[{"name":"setup","restartCount":2,"state":{"terminated":{"exitCode":0}},
                "lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(60)"}}}],
              "containerStatuses":[{"name":"a","restartCount":1}]}}
            """,
            "1"
        },
        {
            "sidecar restarts still count",
            """
            {"spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}]},"status":{
              "initContainerStatuses":[{"name":"proxy","restartCount":2,"started":true,"state":{"running":{}},
                "lastState":{"terminated":{"exitCode":1,"finishedAt":"ago(1800)"}}}],
              "containerStatuses":[{"name":"a","restartCount":1}]}}
            """,
            "3 (30m ago)"
        },
    };

    [Theory]
    [MemberData(nameof(Pods))]
    public void SumsRestartsWithTheLatestTermination(string why, string json, string expected)
    {
        var restarts = PodPrinting.Restarts(PrintingTestData.Pod(json), PrintingTestData.Now);
        Assert.True(expected == restarts, $"{why}: got {restarts}");
    }
}
