using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class PodReadyTests
{
    [Theory]
    [InlineData("no containers", """{}""", "0/0")]
    [InlineData("no statuses yet", """{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", "0/2")]
    [InlineData("one of two ready and running",
        """
        {"spec":{"containers":[{"name":"a"},{"name":"b"}]},"status":{"containerStatuses":[
            {"name":"a","ready":true,"state":{"running":{}}},{"name":"b","ready":false,"state":{"running":{}}}]}}
        """,
        "1/2")]
    [InlineData("ready but waiting does not count",
        """{"spec":{"containers":[{"name":"a"}]},"status":{"containerStatuses":[{"name":"a","ready":true,"state":{"waiting":{"reason":"X"}}}]}}""",
        "0/1")]
    [InlineData("ordinary init containers are not counted",
        """
        {"spec":{"initContainers":[{"name":"setup"}],"containers":[{"name":"a"}]},"status":{
            "initContainerStatuses":[{"name":"setup","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}],
            "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}}
        """,
        "1/1")]
    [InlineData("started and ready sidecars count",
        """
        {"spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"a"}]},"status":{
            "initContainerStatuses":[{"name":"proxy","started":true,"ready":true,"state":{"running":{}}}],
            "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}}
        """,
        "2/2")]
    [InlineData("a started sidecar that is not ready is only in the total",
        """
        {"spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"a"}]},"status":{
            "initContainerStatuses":[{"name":"proxy","started":true,"ready":false,"state":{"running":{}}}],
            "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}}
        """,
        "1/2")]
    [InlineData("containers are not counted while the pod initializes",
        """
        {"spec":{"initContainers":[{"name":"setup"}],"containers":[{"name":"a"}]},"status":{
            "initContainerStatuses":[{"name":"setup","state":{"running":{}}}],
            "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}}
        """,
        "0/1")]
    public void CountsReadyContainers(string why, string json, string expected) =>
        Assert.True(expected == PodPrinting.Ready(PrintingTestData.Pod(json)), $"{why}: got {PodPrinting.Ready(PrintingTestData.Pod(json))}");
}
