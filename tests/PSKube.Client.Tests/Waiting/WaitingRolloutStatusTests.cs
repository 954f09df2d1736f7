using PSKube.Client.Models;
using PSKube.Client.Waiting;

namespace PSKube.Client.Tests.Waiting;

/// <summary>Each rule of kubectl rollout status, in its order.</summary>
public sealed class WaitingRolloutStatusTests
{
    private static Deployment Deployment(long generation, string status, int replicas = 3) => KubeJson.Deserialize<Deployment>($$"""
        {"kind":"Deployment","metadata":{"name":"web","namespace":"default","generation":{{generation}}},
         "spec":{"replicas":{{replicas}}},"status":{{status}}}
        """)!;

    [Fact]
    public void Waiting_RolloutWaitsUntilTheSpecIsObserved()
    {
        var status = RolloutStatus.Of(Deployment(2, """{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"availableReplicas":3}"""));
        Assert.False(status.Done);
        Assert.False(status.Failed);
        Assert.Equal("Waiting for deployment spec update to be observed...", status.Message);
    }

    [Fact]
    public void Waiting_RolloutFailsPastItsProgressDeadline()
    {
        var status = RolloutStatus.Of(Deployment(1, """
            {"observedGeneration":1,"replicas":3,"updatedReplicas":1,
             "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}
            """));
        Assert.True(status.Failed);
        Assert.True(status.Settled);
        Assert.False(status.Done);
        Assert.Equal("deployment \"web\" exceeded its progress deadline", status.Message);
    }

    [Fact]
    public void Waiting_RolloutWaitsForUpdatedReplicas()
    {
        var status = RolloutStatus.Of(Deployment(2, """{"observedGeneration":2,"replicas":4,"updatedReplicas":1,"availableReplicas":3}"""));
        Assert.False(status.Settled);
        Assert.Equal("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...", status.Message);
    }

    [Fact]
    public void Waiting_RolloutWaitsForOldReplicasToGo()
    {
        var status = RolloutStatus.Of(Deployment(2, """{"observedGeneration":2,"replicas":4,"updatedReplicas":3,"availableReplicas":3}"""));
        Assert.False(status.Settled);
        Assert.Equal("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...", status.Message);
    }

    [Fact]
    public void Waiting_RolloutWaitsForUpdatedReplicasToBeAvailable()
    {
        var status = RolloutStatus.Of(Deployment(1, """{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"availableReplicas":1}"""));
        Assert.False(status.Settled);
        Assert.Equal("Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are available...", status.Message);
    }

    [Fact]
    public void Waiting_RolloutIsDoneWhenEveryReplicaIsNewAndAvailable()
    {
        var status = RolloutStatus.Of(Deployment(3, """{"observedGeneration":3,"replicas":3,"updatedReplicas":3,"availableReplicas":3,"readyReplicas":3}"""));
        Assert.True(status.Done);
        Assert.False(status.Failed);
        Assert.Equal("deployment \"web\" successfully rolled out", status.Message);
    }

    [Fact]
    public void Waiting_RolloutOfZeroReplicasIsDoneWithoutStatusCounts() =>
        Assert.True(RolloutStatus.Of(Deployment(1, """{"observedGeneration":1}""", replicas: 0)).Done);
}
