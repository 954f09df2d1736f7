using PSKube.Client.Models;
using PSKube.Client.Waiting;

namespace PSKube.Client.Tests.Waiting;

public sealed class WaitingReplicasStatusTests
{
    private static T Parse<T>(string json) => KubeJson.Deserialize<T>(json)!;

    [Fact]
    public void Waiting_ReplicasWaitForTheControllerToObserveTheScale()
    {
        var deployment = Parse<Deployment>("""{"metadata":{"name":"web","generation":3},"status":{"observedGeneration":2,"replicas":3,"readyReplicas":3}}""");
        var status = ReplicasStatus.Of(deployment, 3);
        Assert.False(status.Done);
        Assert.Contains("observe", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_ReplicasWaitForTheCountAndThenForReadiness()
    {
        var growing = Parse<ReplicaSet>("""{"metadata":{"name":"web-1","generation":2},"status":{"observedGeneration":2,"replicas":1,"readyReplicas":1}}""");
        Assert.Equal(new ReplicasStatus(false, "Waiting for replicaset \"web-1\": 1 replicas, 3 wanted..."), ReplicasStatus.Of(growing, 3));
        var starting = Parse<StatefulSet>("""{"metadata":{"name":"db","generation":2},"status":{"observedGeneration":2,"replicas":3,"readyReplicas":2}}""");
        Assert.Equal(new ReplicasStatus(false, "Waiting for statefulset \"db\": 2 of 3 replicas are ready..."), ReplicasStatus.Of(starting, 3));
    }

    [Fact]
    public void Waiting_ReplicasAreDoneWhenAllWantedAreReady()
    {
        var deployment = Parse<Deployment>("""{"metadata":{"name":"web","generation":2},"status":{"observedGeneration":2,"replicas":3,"readyReplicas":3}}""");
        Assert.True(ReplicasStatus.Of(deployment, 3).Done);
        // A scale down is done only once the extra replicas are gone.
        Assert.False(ReplicasStatus.Of(deployment, 1).Done);
    }

    [Fact]
    public void Waiting_ReplicasOfZeroNeedNoStatusCounts() =>
        Assert.True(ReplicasStatus.Of(Parse<Deployment>("""{"metadata":{"name":"web","generation":4},"status":{"observedGeneration":4}}"""), 0).Done);

    [Fact]
    public void Waiting_ReplicasRefuseKindsWithoutReplicas() =>
        Assert.Throws<ArgumentException>(() => ReplicasStatus.Of(Parse<Job>("""{"kind":"Job","metadata":{"name":"pi"}}"""), 1));
}
