using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using PSKube.Client.Waiting;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Waiting;

/// <summary>Waits for pods (Wait-KubePod, New-KubePod -Wait) against the fake cluster's kubelet, on its clock.</summary>
public sealed class PodConditionsTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
    }

    private Task<WaitResult<Pod>> Wait(string name, PodWaitCondition condition, double seconds = 30) =>
        PodConditions.WaitAsync(_client, "default", name, condition, TimeSpan.FromSeconds(seconds), default);

    [Fact]
    public async Task Waiting_ForReady_EndsWithTheReadyPodOnceItsContainerRuns()
    {
        await _cluster.CreatePodAsync("web", Spec("Always", Container("web", "alpine", command: ["sleep", "3600"])));
        var waiting = Wait("web", PodWaitCondition.Ready);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        _cluster.Advance(5);
        var result = await waiting;
        Assert.Equal(WaitOutcome.ConditionMet, result.Outcome);
        Assert.True(PodConditions.IsReady(result.Object!));
        Assert.Equal("Running", result.Object!.Status);
    }

    [Fact]
    public async Task Waiting_ForReady_TimesOutWithThePodAsLastSeen()
    {
        var container = Container("slow", "alpine", command: ["sleep", "3600"]);
        container["readinessProbe"] = new JsonObject { ["exec"] = new JsonObject { ["command"] = new JsonArray("true") }, ["initialDelaySeconds"] = 3600 };
        await _cluster.CreatePodAsync("slow", Spec("Always", container));
        _cluster.Advance(5);

        var result = await Wait("slow", PodWaitCondition.Ready, seconds: 0.5);
        Assert.Equal(WaitOutcome.TimedOut, result.Outcome);
        Assert.Equal("slow", result.Object!.Name);
        Assert.False(PodConditions.IsReady(result.Object));
        Assert.Null(PodConditions.WhyNeverReady(result.Object));
    }

    [Theory]
    [InlineData("exit 3", "it failed (status Error)")]
    [InlineData("exit 0", "it ran to completion (status Completed) and will not be Ready again")]
    public async Task Waiting_ForReady_EndsAtOnceWhenThePodCanNeverBeReady(string script, string why)
    {
        await _cluster.CreatePodAsync("once", Spec("Never", Container("once", "alpine", command: ["sh", "-c", script])));
        var waiting = Wait("once", PodWaitCondition.Ready, seconds: 30);
        _cluster.Advance(8);

        var result = await waiting;
        Assert.Equal(WaitOutcome.Failed, result.Outcome);
        Assert.Equal(why, PodConditions.WhyNeverReady(result.Object!));
    }

    [Fact]
    public async Task Waiting_ForReady_OnAMissingPodIsNotFoundAtOnce()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => Wait("nowhere", PodWaitCondition.Ready));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Waiting_ForDeleted_EndsWhenTheGracePeriodIsOver_AndAtOnceForAPodAlreadyGone()
    {
        await _cluster.CreatePodAsync("doomed", Spec("Always", Container("doomed", "alpine", command: ["sleep", "3600"])));
        _cluster.Advance(5);
        var deleted = await _client.DeleteAsync<Pod>(Pods, "default", "doomed", new DeleteOptions { GracePeriodSeconds = 5 }, default);
        Assert.True(deleted.IsPending);

        var waiting = Wait("doomed", PodWaitCondition.Deleted);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        _cluster.Advance(6);
        Assert.Equal(WaitOutcome.Deleted, (await waiting).Outcome);

        Assert.Equal(WaitOutcome.Deleted, (await Wait("doomed", PodWaitCondition.Deleted)).Outcome);
    }

    [Fact]
    public async Task Waiting_ForDeleted_TimesOutWithThePodStillThere()
    {
        await _cluster.CreatePodAsync("stays", Spec("Always", Container("stays", "alpine", command: ["sleep", "3600"])));
        var result = await Wait("stays", PodWaitCondition.Deleted, seconds: 0.5);
        Assert.Equal(WaitOutcome.TimedOut, result.Outcome);
        Assert.Equal("stays", result.Object!.Name);
    }

    [Fact]
    public async Task Waiting_ADeletedNamespaceIsPendingUntilItHasBeenEmptied()
    {
        var created = await _client.CreateAsync(Namespaces, new Namespace { Metadata = new ObjectMeta { Name = "scratch" } }, null, default);
        Assert.Equal("Active", created.Status);

        var deleted = await _client.DeleteAsync<Namespace>(Namespaces, null, "scratch", null, default);
        Assert.True(deleted.IsPending);
        Assert.Equal("Terminating", deleted.Object!.Status);
        Assert.True(await _client.WaitForDeletionAsync<Namespace>(Namespaces, null, "scratch", TimeSpan.FromSeconds(30), default));
    }
}
