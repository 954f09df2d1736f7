using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;
using PSKube.Client.Tests.Client;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// kubectl rollout history / undo / restart / pause / resume and set image side by side with PSKube's on one fake
/// cluster: each reads what the other wrote, and both refuse the same things.
/// </summary>
public sealed class KubectlRolloutTests
{
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;

    private static async Task<string> ImageAsync(KubectlRunner kubectl, string deployment) =>
        (await kubectl.RunAsync("get", "deployment", deployment, "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Succeeded().Stdout;

    private static async Task RolledOutAsync(KubectlRunner kubectl, string deployment) =>
        (await kubectl.RunAsync(["rollout", "status", "deployment/" + deployment, "--timeout=45s"], stdin: null, TimeSpan.FromSeconds(60))).Succeeded();

    [KubectlFact]
    public async Task History_AndUndo_AgreeWithKubectl_InBothDirections()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        var client = FakeClusterClient.For(kubectl.Cluster);
        (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx:1.26", "--replicas=2")).Succeeded();
        await RolledOutAsync(kubectl, "web");
        (await kubectl.RunAsync("set", "image", "deployment/web", "nginx=nginx:1.27")).Succeeded();
        (await kubectl.RunAsync("annotate", "deployment/web", "kubernetes.io/change-cause=to 1.27")).Succeeded();
        await RolledOutAsync(kubectl, "web");

        // PSKube reads the history kubectl made as kubectl shows it.
        var kubectlHistory = (await kubectl.RunAsync("rollout", "history", "deployment/web")).Succeeded().Lines;
        Assert.Equal(["deployment.apps/web", "REVISION CHANGE-CAUSE", "1 <none>", "2 to 1.27"], kubectlHistory);
        var history = await client.GetRolloutHistoryAsync(Deployments, "default", "web", CancellationToken.None);
        Assert.Equal(kubectlHistory.Skip(2), history.Select(r => $"{r.Revision} {r.ChangeCause ?? "<none>"}"));

        // PSKube's undo is what kubectl sees as a rollback to revision 1, made revision 3.
        var (undone, _) = await client.UndoAsync(Deployments, "default", "web", 0, null, CancellationToken.None);
        Assert.NotNull(undone);
        await RolledOutAsync(kubectl, "web");
        Assert.Equal("nginx:1.26", await ImageAsync(kubectl, "web"));
        Assert.Equal(["deployment.apps/web", "REVISION CHANGE-CAUSE", "2 to 1.27", "3 <none>"], (await kubectl.RunAsync("rollout", "history", "deployment/web")).Succeeded().Lines);
        var skipped = (await kubectl.RunAsync("rollout", "undo", "deployment/web", "--to-revision=3")).Succeeded();
        Assert.Contains("skipped rollback", skipped.Stdout, StringComparison.Ordinal);

        // kubectl's undo of what PSKube did, read back by PSKube.
        (await kubectl.RunAsync("rollout", "undo", "deployment/web")).Succeeded();
        await RolledOutAsync(kubectl, "web");
        var after = await client.GetRolloutHistoryAsync(Deployments, "default", "web", CancellationToken.None);
        Assert.Equal([3, 4], after.Select(r => r.Revision));
        Assert.Equal(("to 1.27", true), (after[1].ChangeCause, after[1].Current));
        Assert.Equal("nginx:1.27", await ImageAsync(kubectl, "web"));

        // Both refuse a revision that is not in the history.
        var kubectlRefusal = await kubectl.RunAsync("rollout", "undo", "deployment/web", "--to-revision=1");
        Assert.NotEqual(0, kubectlRefusal.ExitCode);
        Assert.Contains("unable to find specified revision 1 in history", kubectlRefusal.Stderr, StringComparison.Ordinal);
        var refusal = await Assert.ThrowsAsync<RolloutRefusedException>(() => client.UndoAsync(Deployments, "default", "web", 1, null, CancellationToken.None));
        Assert.StartsWith("unable to find specified revision 1 in history", refusal.Message, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task RestartPauseResume_AndSetImage_MatchKubectl()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        var client = FakeClusterClient.For(kubectl.Cluster);
        foreach (var name in new[] { "ours", "theirs" })
        {
            (await kubectl.RunAsync("create", "deployment", name, "--image=nginx:1.26")).Succeeded();
            await RolledOutAsync(kubectl, name);
        }

        // A restart by either makes revision 2 whose template carries restartedAt.
        (await kubectl.RunAsync("rollout", "restart", "deployment/theirs")).Succeeded();
        await client.RestartAsync(Deployments, "default", "ours", null, CancellationToken.None);
        foreach (var name in new[] { "ours", "theirs" })
        {
            await RolledOutAsync(kubectl, name);
            Assert.Equal(["1 <none>", "2 <none>"], (await kubectl.RunAsync("rollout", "history", "deployment/" + name)).Succeeded().Lines.Skip(2));
            var stamp = (await kubectl.RunAsync("get", "deployment", name, "-o", "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}")).Succeeded().Stdout;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", stamp);
        }

        // Pause by PSKube is what kubectl's pause finds already done; kubectl's resume is what PSKube's refuses to repeat.
        await client.SetDeploymentPausedAsync("default", "ours", true, null, CancellationToken.None);
        var again = await kubectl.RunAsync("rollout", "pause", "deployment/ours");
        Assert.Contains("is already paused", again.Stderr, StringComparison.Ordinal);
        var restartPaused = await kubectl.RunAsync("rollout", "restart", "deployment/ours");
        Assert.Contains("can't restart paused deployment", restartPaused.Stderr, StringComparison.Ordinal);
        (await kubectl.RunAsync("rollout", "resume", "deployment/ours")).Succeeded();
        var notPaused = await Assert.ThrowsAsync<RolloutRefusedException>(() => client.SetDeploymentPausedAsync("default", "ours", false, null, CancellationToken.None));
        Assert.Equal(RolloutRefusal.NotPaused, notPaused.Reason);

        // set image by each gives the same template, and both name an unknown container.
        (await kubectl.RunAsync("set", "image", "deployment/theirs", "nginx=nginx:1.27")).Succeeded();
        await client.SetImagesAsync(Deployments, "default", "ours", ContainerImages.Parse(["nginx=nginx:1.27"], "Image"), null, null, CancellationToken.None);
        var ours = await client.GetAsync<Deployment>(Deployments, "default", "ours", CancellationToken.None);
        var theirs = await client.GetAsync<Deployment>(Deployments, "default", "theirs", CancellationToken.None);
        Assert.Equal(KubeJson.Serialize(theirs.Spec!.Template!.Spec), KubeJson.Serialize(ours.Spec!.Template!.Spec));
        var unknown = await kubectl.RunAsync("set", "image", "deployment/theirs", "nginks=nginx:1.28");
        Assert.Contains("unable to find container named \"nginks\"", unknown.Stderr, StringComparison.Ordinal);
        var ourUnknown = await Assert.ThrowsAsync<ContainerNotFoundException>(() =>
            client.SetImagesAsync(Deployments, "default", "ours", ContainerImages.Parse(["nginks=nginx:1.28"], "Image"), null, new WriteOptions { DryRun = true }, CancellationToken.None));
        Assert.StartsWith("unable to find container named \"nginks\"", ourUnknown.Message, StringComparison.Ordinal);
    }

    // The controller records a revision on its next sync: wait until the newest is <paramref name="latest"/> and current.
    private static async Task WaitForRevisionAsync(KubeClient client, ResourceDefinition resource, string name, int latest)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await client.GetRolloutHistoryAsync(resource, "default", name, CancellationToken.None) is not [.., { Current: true } newest] || newest.Revision != latest)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{resource.Singular}/{name} has no current revision {latest}.");
            await Task.Delay(25);
        }
    }

    [KubectlFact]
    public async Task StatefulSetAndDaemonSetHistory_AreControllerRevisionsKubectlReadsAndRollsBack()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var statefulSets = BuiltInResources.Find("statefulsets")!;
        var daemonSets = BuiltInResources.Find("daemonsets")!;
        var manifest = kubectl.WriteFile("workloads.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              replicas: 1
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: db, image: "postgres:16"}]}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec: {containers: [{name: agent, image: "fluentd:1"}]}
            """);
        (await kubectl.RunAsync("apply", "-f", manifest)).Succeeded();
        (await kubectl.RunAsync("set", "image", "sts/db", "db=postgres:17")).Succeeded();
        await client.SetImagesAsync(daemonSets, "default", "agent", ContainerImages.Parse(["agent=fluentd:2"], "Image"), null, null, CancellationToken.None);
        await WaitForRevisionAsync(client, statefulSets, "db", 2);
        await WaitForRevisionAsync(client, daemonSets, "agent", 2);

        foreach (var (resource, kind) in new[] { (statefulSets, "sts/db"), (daemonSets, "ds/agent") })
        {
            Assert.Equal(["REVISION CHANGE-CAUSE", "1 <none>", "2 <none>"], (await kubectl.RunAsync("rollout", "history", kind)).Succeeded().Lines.Skip(1));
            var history = await client.GetRolloutHistoryAsync(resource, "default", kind.Split('/')[1], CancellationToken.None);
            Assert.Equal([1, 2], history.Select(r => r.Revision));
            Assert.Equal([false, true], history.Select(r => r.Current));
        }
        var ours = await client.GetRolloutHistoryAsync(statefulSets, "default", "db", CancellationToken.None);
        Assert.Equal(["db=postgres:16", "db=postgres:17"], ours.Select(r => r.Images.Single()));

        // PSKube's undo of the stateful set is kubectl's revision 3; kubectl's undo of the daemon set is PSKube's.
        var (undone, target) = await client.UndoAsync(statefulSets, "default", "db", 0, null, CancellationToken.None);
        Assert.Equal(1, target.Revision);
        Assert.Equal("postgres:16", Assert.IsType<StatefulSet>(undone).Spec!.Template!.Spec!.Containers!.Single().Image);
        await WaitForRevisionAsync(client, statefulSets, "db", 3);
        Assert.Equal(["2 <none>", "3 <none>"], (await kubectl.RunAsync("rollout", "history", "sts/db")).Succeeded().Lines.Skip(2));
        Assert.Equal("postgres:16", (await kubectl.RunAsync("get", "sts", "db", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Succeeded().Stdout);

        (await kubectl.RunAsync("rollout", "undo", "ds/agent")).Succeeded();
        await WaitForRevisionAsync(client, daemonSets, "agent", 3);
        var agent = await client.GetRolloutHistoryAsync(daemonSets, "default", "agent", CancellationToken.None);
        Assert.Equal([2, 3], agent.Select(r => r.Revision));
        Assert.Equal("agent=fluentd:1", agent.Single(r => r.Current).Images.Single());

        var refusal = await Assert.ThrowsAsync<RolloutRefusedException>(() => client.UndoAsync(daemonSets, "default", "agent", 1, null, CancellationToken.None));
        Assert.Equal(RolloutRefusal.RevisionNotFound, refusal.Reason);
        Assert.Contains("unable to find specified revision 1 in history", (await kubectl.RunAsync("rollout", "undo", "ds/agent", "--to-revision=1")).Stderr, StringComparison.Ordinal);

        // A restart of either kind is a new revision too.
        await client.RestartAsync(statefulSets, "default", "db", null, CancellationToken.None);
        await WaitForRevisionAsync(client, statefulSets, "db", 4);
        Assert.Equal(["2 <none>", "3 <none>", "4 <none>"], (await kubectl.RunAsync("rollout", "history", "sts/db")).Succeeded().Lines.Skip(2));
    }
}
