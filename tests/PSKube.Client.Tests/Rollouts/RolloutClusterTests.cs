using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;
using PSKube.Client.Tests.Client;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Rollouts;

/// <summary>Set image and the rollout operations against the fake cluster's controllers, which run the pods (kubelet simulated).</summary>
public sealed class RolloutClusterTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;
    private static readonly ResourceDefinition ReplicaSets = BuiltInResources.Find("replicasets")!;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 30, RandomSeed = 7 });
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _timeout.Dispose();
    }

    private CancellationToken Soon => _timeout.Token;

    private async Task CreateAsync(string name, string image = "nginx:1.26")
    {
        var json = """
            {"metadata":{"name":"NAME","labels":{"app":"NAME"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"NAME"}},
                     "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"nginx","image":"IMAGE"}]}}}}
            """.Replace("NAME", name, StringComparison.Ordinal).Replace("IMAGE", image, StringComparison.Ordinal);
        await _client.CreateAsync(Deployments, KubeJson.Deserialize<Deployment>(json)!, null, Soon);
        await RolledOutAsync(name);
    }

    private async Task<Deployment> RolledOutAsync(string name)
    {
        var result = await _client.WaitForRolloutAsync("default", name, TimeSpan.FromSeconds(45), null, Soon);
        Assert.Equal(WaitOutcome.ConditionMet, result.Outcome);
        return result.Object!;
    }

    private async Task<List<ReplicaSet>> ReplicaSetsAsync(string name) =>
        [.. (await _client.ListAllAsync<ReplicaSet>(ReplicaSets, "default", new ListOptions { LabelSelector = "app=" + name }, Soon)).Items];

    private static ContainerImages Images(params string[] pairs) => ContainerImages.Parse(pairs, "Image");

    private static string? ImageOf(Deployment deployment) => deployment.Spec?.Template?.Spec?.Containers?.Single().Image;

    [Fact]
    public async Task SetImage_MakesRevision2WithTheChangeCause_AndUndoRestoresRevision1AsRevision3()
    {
        await CreateAsync("web");
        var (changed, didChange) = await _client.SetImagesAsync(Deployments, "default", "web", Images("nginx=nginx:1.27"), "to 1.27", null, Soon);
        Assert.True(didChange);
        Assert.Equal("nginx:1.27", ImageOf(Assert.IsType<Deployment>(changed)));
        await RolledOutAsync("web");

        var history = await _client.GetRolloutHistoryAsync(Deployments, "default", "web", Soon);
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal([null, "to 1.27"], history.Select(r => r.ChangeCause));
        Assert.Equal(["nginx=nginx:1.26", "nginx=nginx:1.27"], history.Select(r => r.Images.Single()));

        var (undone, target) = await _client.UndoAsync(Deployments, "default", "web", 0, null, Soon);
        Assert.Equal(1, target.Revision);
        Assert.Equal("nginx:1.26", ImageOf((Deployment)undone!));
        var rolledBack = await RolledOutAsync("web");
        Assert.Equal("nginx:1.26", ImageOf(rolledBack));
        // The replica set of revision 1 runs again, now as revision 3: no third replica set.
        var sets = await ReplicaSetsAsync("web");
        Assert.Equal(2, sets.Count);
        var reused = Assert.Single(sets, rs => rs.Name == target.Source);
        Assert.Equal("3", reused.Metadata!.Annotations![DeploymentHistory.RevisionAnnotation]);
        Assert.Equal("1", reused.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Assert.Equal(2, reused.Status?.ReadyReplicas);
        Assert.Equal([2, 3], (await _client.GetRolloutHistoryAsync(Deployments, "default", "web", Soon)).Select(r => r.Revision));
    }

    [Fact]
    public async Task Undo_ToRevision_AndToTheRunningTemplateIsSkipped()
    {
        await CreateAsync("api");
        await _client.SetImagesAsync(Deployments, "default", "api", Images("nginx=nginx:1.27"), null, null, Soon);
        await RolledOutAsync("api");
        await _client.SetImagesAsync(Deployments, "default", "api", Images("*=nginx:1.28"), null, null, Soon);
        await RolledOutAsync("api");

        var (skipped, current) = await _client.UndoAsync(Deployments, "default", "api", 3, null, Soon);
        Assert.Null(skipped);
        Assert.Equal(3, current.Revision);

        var (undone, target) = await _client.UndoAsync(Deployments, "default", "api", 1, null, Soon);
        Assert.Equal((1, "nginx:1.26"), (target.Revision, ImageOf((Deployment)undone!)));
        await RolledOutAsync("api");
        var refused = await Assert.ThrowsAsync<RolloutRefusedException>(() => _client.UndoAsync(Deployments, "default", "api", 1, null, Soon));
        Assert.Equal(RolloutRefusal.RevisionNotFound, refused.Reason);
    }

    [Fact]
    public async Task Restart_MakesANewReplicaSetWhosePodsReplaceTheOldOnes()
    {
        await CreateAsync("restart");
        var before = (await ReplicaSetsAsync("restart")).Single();
        var restarted = (Deployment)await _client.RestartAsync(Deployments, "default", "restart", null, Soon);
        Assert.NotNull(restarted.Spec!.Template!.Metadata!.Annotations![DeploymentHistory.RestartedAtAnnotation]);
        var done = await RolledOutAsync("restart");
        Assert.Equal(2, done.Status?.UpdatedReplicas);
        var sets = await ReplicaSetsAsync("restart");
        Assert.Equal(2, sets.Count);
        Assert.Equal(0, sets.Single(rs => rs.Name == before.Name).Spec?.Replicas);
        Assert.Equal("2", sets.Single(rs => rs.Name != before.Name).Metadata!.Annotations![DeploymentHistory.RevisionAnnotation]);
    }

    [Fact]
    public async Task Paused_AChangeDoesNotRollOut_UntilResumed_AndRestartOrUndoAreRefused()
    {
        await CreateAsync("paused");
        Assert.True((await _client.SetDeploymentPausedAsync("default", "paused", true, null, Soon)).Spec?.Paused);
        Assert.Equal(RolloutRefusal.AlreadyPaused, (await Assert.ThrowsAsync<RolloutRefusedException>(() => _client.SetDeploymentPausedAsync("default", "paused", true, null, Soon))).Reason);
        Assert.Equal(RolloutRefusal.Paused, (await Assert.ThrowsAsync<RolloutRefusedException>(() => _client.RestartAsync(Deployments, "default", "paused", null, Soon))).Reason);

        await _client.SetImagesAsync(Deployments, "default", "paused", Images("nginx=nginx:1.27"), null, null, Soon);
        // The controller keeps syncing the paused deployment; give it a few rounds, then there is still one replica set.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await ReplicaSetsAsync("paused"));

        var resumed = await _client.SetDeploymentPausedAsync("default", "paused", false, null, Soon);
        Assert.Null(resumed.Spec?.Paused);
        var done = await RolledOutAsync("paused");
        Assert.Equal("nginx:1.27", ImageOf(done));
        Assert.Equal(2, (await ReplicaSetsAsync("paused")).Count);
        Assert.Equal(RolloutRefusal.NotPaused, (await Assert.ThrowsAsync<RolloutRefusedException>(() => _client.SetDeploymentPausedAsync("default", "paused", false, null, Soon))).Reason);
    }

    [Fact]
    public async Task DryRuns_ChangeNothing()
    {
        await CreateAsync("dry");
        var dry = new WriteOptions { DryRun = true };
        var (changed, _) = await _client.SetImagesAsync(Deployments, "default", "dry", Images("nginx=nginx:1.27"), null, dry, Soon);
        Assert.Equal("nginx:1.27", ImageOf((Deployment)changed));
        await _client.RestartAsync(Deployments, "default", "dry", dry, Soon);
        await _client.SetDeploymentPausedAsync("default", "dry", true, dry, Soon);
        var stored = await _client.GetAsync<Deployment>(Deployments, "default", "dry", Soon);
        Assert.Equal("nginx:1.26", ImageOf(stored));
        Assert.Null(stored.Spec?.Paused);
        Assert.Null(stored.Spec?.Template?.Metadata?.Annotations);
        Assert.Equal("1", stored.Metadata!.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SetImage_WorksOnEveryKindWithContainers_AndAnUnknownContainerChangesNothing()
    {
        var pods = BuiltInResources.Find("pods")!;
        await _client.CreateAsync(pods, KubeJson.Deserialize<Pod>("""{"metadata":{"name":"solo"},"spec":{"containers":[{"name":"main","image":"alpine","command":["sleep","3600"]}]}}""")!, null, Soon);
        var (pod, _) = await _client.SetImagesAsync(pods, "default", "solo", Images("main=busybox"), null, null, Soon);
        Assert.Equal("busybox", Assert.IsType<Pod>(pod).Spec!.Containers!.Single().Image);

        var cronJobs = BuiltInResources.Find("cronjobs")!;
        await _client.CreateAsync(cronJobs, KubeJson.Deserialize<CronJob>("""
            {"metadata":{"name":"tick"},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure",
             "containers":[{"name":"tick","image":"alpine","command":["date"]}]}}}}}}
            """)!, null, Soon);
        var (cronJob, _) = await _client.SetImagesAsync(cronJobs, "default", "tick", Images("*=busybox"), null, null, Soon);
        Assert.Equal("busybox", Assert.IsType<CronJob>(cronJob).Spec!.JobTemplate!.Spec!.Template!.Spec!.Containers!.Single().Image);

        var statefulSets = BuiltInResources.Find("statefulsets")!;
        await _client.CreateAsync(statefulSets, KubeJson.Deserialize<StatefulSet>("""
            {"metadata":{"name":"db"},"spec":{"serviceName":"db","replicas":1,"selector":{"matchLabels":{"app":"db"}},
             "template":{"metadata":{"labels":{"app":"db"}},"spec":{"initContainers":[{"name":"init","image":"alpine"}],"containers":[{"name":"db","image":"postgres:16"},{"name":"exporter","image":"exporter:1"}]}}}}
            """)!, null, Soon);
        var refused = await Assert.ThrowsAsync<ContainerNotFoundException>(() => _client.SetImagesAsync(statefulSets, "default", "db", Images("db=postgres:17", "metrics=exporter:2"), null, null, Soon));
        Assert.Equal(["init", "db", "exporter"], refused.Existing);
        var untouched = await _client.GetAsync<StatefulSet>(statefulSets, "default", "db", Soon);
        Assert.Equal("postgres:16", untouched.Spec!.Template!.Spec!.Containers![0].Image);

        var (set, _) = await _client.SetImagesAsync(statefulSets, "default", "db", Images("db=postgres:17"), null, null, Soon);
        var spec = Assert.IsType<StatefulSet>(set).Spec!.Template!.Spec!;
        Assert.Equal(["postgres:17", "exporter:1"], spec.Containers!.Select(c => c.Image));
        Assert.Equal("alpine", spec.InitContainers!.Single().Image);
    }
}
