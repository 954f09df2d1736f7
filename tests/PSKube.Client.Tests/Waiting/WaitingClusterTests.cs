using System.Collections.Concurrent;
using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Waiting;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Waiting;

/// <summary>Rollouts, scales and job waits against the fake cluster's controllers and kubelet on a fast clock.</summary>
public sealed class WaitingClusterTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;
    private static readonly ResourceDefinition StatefulSets = BuiltInResources.Find("statefulsets")!;
    private static readonly ResourceDefinition Jobs = BuiltInResources.Find("jobs")!;
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 30, RandomSeed = 7 });
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static T Parse<T>(string json) => KubeJson.Deserialize<T>(json)!;

    private Task<Deployment> CreateDeploymentAsync(string name, int replicas, string image = "busybox") =>
        _client.CreateAsync(Deployments, Parse<Deployment>("""
            {"metadata":{"name":"NAME","labels":{"app":"NAME"}},
             "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},
                     "template":{"metadata":{"labels":{"app":"NAME"}},
                                 "spec":{"terminationGracePeriodSeconds":1,
                                         "containers":[{"name":"main","image":"IMAGE","command":["sleep","3600"]}]}}}}
            """.Replace("NAME", name, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal)
               .Replace("REPLICAS", replicas.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)), null, CancellationToken.None);

    /// <summary>A job whose one container runs <paramref name="command"/> (a JSON array).</summary>
    private Task<Job> CreateJobAsync(string name, string command, int backoffLimit = 6) =>
        _client.CreateAsync(Jobs, Parse<Job>("""
            {"metadata":{"name":"NAME"},
             "spec":{"backoffLimit":LIMIT,
                     "template":{"spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":1,
                                         "containers":[{"name":"main","image":"busybox","command":COMMAND}]}}}}
            """.Replace("NAME", name, StringComparison.Ordinal).Replace("COMMAND", command, StringComparison.Ordinal)
               .Replace("LIMIT", backoffLimit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)), null, CancellationToken.None);

    private async Task<List<Pod>> PodsAsync(string selector)
    {
        var pods = new List<Pod>();
        await foreach (var pod in _client.ListAsync<Pod>(Pods, "default", new ListOptions { LabelSelector = selector }))
        {
            pods.Add(pod);
        }
        return pods;
    }

    [Fact]
    public async Task Waiting_NewDeploymentRollsOut_WithKubectlsProgressMessages()
    {
        await CreateDeploymentAsync("web", 3);
        var progress = new RecordedProgress();

        var result = await _client.WaitForRolloutAsync("default", "web", Patience, progress, CancellationToken.None);

        Assert.Equal(WaitOutcome.ConditionMet, result.Outcome);
        var status = RolloutStatus.Of(result.Object!);
        Assert.True(status.Done);
        Assert.Equal("deployment \"web\" successfully rolled out", progress.Messages.Last());
        Assert.All(progress.Messages.SkipLast(1), m => Assert.StartsWith("Waiting for deployment", m, StringComparison.Ordinal));
        Assert.Equal(3, (await PodsAsync("app=web")).Count(p => p.ReadyContainers == "1/1"));
    }

    [Fact]
    public async Task Waiting_ScaleThenWaitUntilTheNewCountIsReady()
    {
        await CreateDeploymentAsync("pingpong", 1);
        Assert.Equal(WaitOutcome.ConditionMet, (await _client.WaitForRolloutAsync("default", "pingpong", Patience, null, CancellationToken.None)).Outcome);
        var target = ScaleTarget.Parse("deploy/pingpong", null);

        var scale = await _client.SetScaleAsync(target.Resource, "default", target.Name, 3, null, CancellationToken.None);
        Assert.Equal(3, scale.Spec?.Replicas);
        var progress = new RecordedProgress();
        var result = await _client.WaitForReplicasAsync(target, "default", 3, Patience, progress, CancellationToken.None);

        Assert.Equal(WaitOutcome.ConditionMet, result.Outcome);
        var deployment = Assert.IsType<Deployment>(result.Object);
        Assert.Equal((3, 3), (deployment.Status?.Replicas, deployment.Status?.ReadyReplicas));
        Assert.Contains(progress.Messages, m => m.StartsWith("Waiting for deployment \"pingpong\"", StringComparison.Ordinal));
        Assert.Equal(3, (await PodsAsync("app=pingpong")).Count(p => p.ReadyContainers == "1/1"));

        // Down again: done only once the extra pods have stopped being counted.
        await _client.SetScaleAsync(target.Resource, "default", target.Name, 1, null, CancellationToken.None);
        var down = await _client.WaitForReplicasAsync(target, "default", 1, Patience, null, CancellationToken.None);
        Assert.Equal(1, ((Deployment)down.Object!).Status?.ReadyReplicas);
    }

    [Fact]
    public async Task Waiting_ScaleDryRunChangesNothing_AndAMissingWorkloadIsNotFound()
    {
        await CreateDeploymentAsync("web", 2);
        var dry = await _client.SetScaleAsync(Deployments, "default", "web", 5, new WriteOptions { DryRun = true }, CancellationToken.None);
        Assert.Equal(5, dry.Spec?.Replicas);
        Assert.Equal(2, (await _client.GetAsync<Deployment>(Deployments, "default", "web", CancellationToken.None)).Spec?.Replicas);

        var missing = await Assert.ThrowsAsync<Transport.KubeApiException>(() =>
            _client.SetScaleAsync(Deployments, "default", "nowhere", 3, new WriteOptions { DryRun = true }, CancellationToken.None));
        Assert.True(missing.IsNotFound);
    }

    [Fact]
    public async Task Waiting_StatefulSetScaleIsReadyAtTheNewCount()
    {
        await _client.CreateAsync(StatefulSets, Parse<StatefulSet>("""
            {"metadata":{"name":"db"},
             "spec":{"replicas":1,"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
                     "template":{"metadata":{"labels":{"app":"db"}},
                                 "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"main","image":"busybox","command":["sleep","3600"]}]}}}}
            """), null, CancellationToken.None);
        var target = ScaleTarget.Parse("db", "statefulset");
        await _client.SetScaleAsync(target.Resource, "default", "db", 2, null, CancellationToken.None);

        var result = await _client.WaitForReplicasAsync(target, "default", 2, Patience, null, CancellationToken.None);

        Assert.Equal(2, Assert.IsType<StatefulSet>(result.Object).Status?.ReadyReplicas);
        Assert.IsType<StatefulSet>(await _client.GetWorkloadAsync(target, "default", CancellationToken.None));
    }

    [Fact]
    public async Task Waiting_ImageChangeRollsOutUntilOnlyNewPodsRemain()
    {
        await CreateDeploymentAsync("web", 2);
        await _client.WaitForRolloutAsync("default", "web", Patience, null, CancellationToken.None);

        await _client.PatchAsync<Deployment>(Deployments, "default", "web", PatchKind.Strategic,
            System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"busybox:1.36"}]}}}}""")!,
            null, CancellationToken.None);
        var progress = new RecordedProgress();
        var result = await _client.WaitForRolloutAsync("default", "web", Patience, progress, CancellationToken.None);

        Assert.True(RolloutStatus.Of(result.Object!).Done);
        Assert.True(progress.Messages.Count > 1, "the rollout went through steps");
        var pods = (await PodsAsync("app=web")).Where(p => p.Metadata?.DeletionTimestamp is null).ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Equal("busybox:1.36", p.Spec!.Containers![0].Image));
    }

    [Fact]
    public async Task Waiting_JobWaitEndsComplete_OrFailedWithTheReason()
    {
        await CreateJobAsync("quick", """["sleep","1"]""");
        await CreateJobAsync("broken", """["sh","-c","exit 1"]""", backoffLimit: 0);

        var quick = await _client.WaitForJobAsync("default", "quick", Patience, null, CancellationToken.None);
        var broken = await _client.WaitForJobAsync("default", "broken", Patience, null, CancellationToken.None);

        Assert.Equal(WaitOutcome.ConditionMet, quick.Outcome);
        Assert.False(JobCompletion.Of(quick.Object!).Failed);
        var failure = JobCompletion.Of(broken.Object!);
        Assert.True(failure.Failed);
        Assert.StartsWith("job \"broken\" failed (BackoffLimitExceeded)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_JobWaitTimesOut()
    {
        await CreateJobAsync("long", """["sleep","3600"]""");
        var result = await _client.WaitForJobAsync("default", "long", TimeSpan.FromMilliseconds(500), null, CancellationToken.None);
        Assert.Equal(WaitOutcome.TimedOut, result.Outcome);
    }

    [Fact]
    public async Task Waiting_DeletingAJobInTheBackgroundTakesItsPods()
    {
        await CreateJobAsync("worker", """["sleep","3600"]""");
        await EventuallyAsync(async () => (await PodsAsync("job-name=worker")).Count == 1, "the job's pod");

        await _client.DeleteAsync<Job>(Jobs, "default", "worker", DeleteOptions.Default, CancellationToken.None);

        await EventuallyAsync(async () => (await PodsAsync("job-name=worker")).Count == 0, "the garbage collector to delete the pod");
        Assert.Null(await _client.FindAsync<Job>(Jobs, "default", "worker", CancellationToken.None));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Keeps every reported message, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class RecordedProgress : IProgress<string>
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public void Report(string value) => _messages.Enqueue(value);
    }
}
