using PSKube.Client.Models;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayWorkloadTests
{
    private const string Template = """
        "template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"busybox"}],"nodeSelector":{"zone":"b","os":"linux"}}}
        """;

    [Fact]
    public void Display_Deployment_ShowsKubectlsColumns()
    {
        var deployment = PrintingTestData.Read<Deployment>($$$$"""
            {"metadata":{"name":"web","creationTimestamp":"ago(60)"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"tier":"front","app":"web"}},{{{{Template}}}}},
             "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":1}}
            """);

        Assert.Equal("2/3", deployment.Ready);
        Assert.Equal(3, deployment.UpToDate);
        Assert.Equal(1, deployment.Available);
        Assert.Equal("web,log", deployment.Containers);
        Assert.Equal("nginx:1.27,busybox", deployment.Images);
        Assert.Equal("app=web,tier=front", deployment.Selector);
        DisplayCells.Match(
            deployment,
            ("Ready", deployment.Ready),
            ("Up-to-date", deployment.UpToDate),
            ("Available", deployment.Available),
            ("Containers", deployment.Containers),
            ("Images", deployment.Images),
            ("Selector", deployment.Selector));
    }

    [Fact]
    public void Display_Deployment_DefaultsLikeTheServer()
    {
        var deployment = new Deployment();
        Assert.Equal("0/1", deployment.Ready);
        Assert.Equal(0, deployment.UpToDate);
        Assert.Equal(string.Empty, deployment.Containers);
        Assert.Equal(string.Empty, deployment.Selector);
    }

    [Fact]
    public void Display_ReplicaSet_ShowsKubectlsColumns()
    {
        var replicaSet = PrintingTestData.Read<ReplicaSet>($$$$"""
            {"metadata":{"name":"web-5d8f"},
             "spec":{"replicas":4,"selector":{"matchLabels":{"app":"web"}},{{{{Template}}}}},
             "status":{"replicas":3,"readyReplicas":2}}
            """);

        Assert.Equal(4, replicaSet.Desired);
        Assert.Equal(3, replicaSet.Current);
        Assert.Equal(2, replicaSet.ReadyReplicas);
        Assert.Equal("app=web", replicaSet.Selector);
        DisplayCells.Match(
            replicaSet,
            ("Desired", replicaSet.Desired),
            ("Current", replicaSet.Current),
            ("Ready", replicaSet.ReadyReplicas),
            ("Containers", replicaSet.Containers),
            ("Images", replicaSet.Images),
            ("Selector", replicaSet.Selector));
    }

    [Fact]
    public void Display_ReplicaSet_MissingReplicasMeansOne() => Assert.Equal(1, new ReplicaSet().Desired);

    [Fact]
    public void Display_StatefulSet_ShowsKubectlsColumns()
    {
        var statefulSet = PrintingTestData.Read<StatefulSet>($$$$"""
            {"metadata":{"name":"db"},"spec":{"replicas":3,{{{{Template}}}}},"status":{"readyReplicas":1}}
            """);

        Assert.Equal("1/3", statefulSet.Ready);
        Assert.Equal("web,log", statefulSet.Containers);
        Assert.Equal("nginx:1.27,busybox", statefulSet.Images);
        DisplayCells.Match(statefulSet, ("Ready", statefulSet.Ready), ("Containers", statefulSet.Containers), ("Images", statefulSet.Images));
    }

    [Fact]
    public void Display_DaemonSet_ShowsKubectlsColumns()
    {
        var daemonSet = PrintingTestData.Read<DaemonSet>($$$$"""
            {"metadata":{"name":"agent"},
             "spec":{"selector":{"matchLabels":{"app":"agent"}},{{{{Template}}}}},
             "status":{"desiredNumberScheduled":5,"currentNumberScheduled":4,"numberReady":3,"updatedNumberScheduled":2,"numberAvailable":1}}
            """);

        Assert.Equal(5, daemonSet.Desired);
        Assert.Equal(4, daemonSet.Current);
        Assert.Equal(3, daemonSet.ReadyCount);
        Assert.Equal(2, daemonSet.UpToDate);
        Assert.Equal(1, daemonSet.Available);
        Assert.Equal("os=linux,zone=b", daemonSet.NodeSelector);
        DisplayCells.Match(
            daemonSet,
            ("Desired", daemonSet.Desired),
            ("Current", daemonSet.Current),
            ("Ready", daemonSet.ReadyCount),
            ("Up-to-date", daemonSet.UpToDate),
            ("Available", daemonSet.Available),
            ("Node Selector", daemonSet.NodeSelector),
            ("Containers", daemonSet.Containers),
            ("Images", daemonSet.Images),
            ("Selector", daemonSet.Selector));
    }

    [Fact]
    public void Display_DaemonSet_WithoutNodeSelectorShowsNone() => Assert.Equal("<none>", new DaemonSet().NodeSelector);

    [Fact]
    public void Display_Job_ShowsTheWideColumns()
    {
        var job = PrintingTestData.Read<Job>($$$$"""
            {"metadata":{"name":"pi"},"spec":{"completions":2,"selector":{"matchLabels":{"job-name":"pi"}},{{{{Template}}}}},"status":{"succeeded":1}}
            """);

        Assert.Equal("job-name=pi", job.Selector);
        DisplayCells.Match(
            job,
            ("Status", job.Status),
            ("Completions", job.Completions),
            ("Containers", job.Containers),
            ("Images", job.Images),
            ("Selector", job.Selector));
    }
}
