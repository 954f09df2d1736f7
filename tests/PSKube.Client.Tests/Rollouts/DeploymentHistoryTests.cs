using PSKube.Client.Models;
using PSKube.Client.Rollouts;

namespace PSKube.Client.Tests.Rollouts;

/// <summary>kubectl rollout history / undo / restart / pause / resume, planned client-side from a deployment and its replica sets.</summary>
public sealed class DeploymentHistoryTests
{
    private static Deployment Web(string image, bool paused = false, Dictionary<string, string>? annotations = null) => new()
    {
        Kind = "Deployment",
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "uid-web", Annotations = annotations ?? new() { [DeploymentHistory.RevisionAnnotation] = "2" } },
        Spec = new DeploymentSpec { Paused = paused ? true : null, Template = Template(image, hash: null) },
    };

    private static PodTemplateSpec Template(string image, string? hash) => new()
    {
        Metadata = new ObjectMeta { Labels = hash is null ? new() { ["app"] = "web" } : new() { ["app"] = "web", ["pod-template-hash"] = hash } },
        Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = image }] },
    };

    private static ReplicaSet Set(string name, int? revision, string image, string? cause = null, string owner = "uid-web")
    {
        var annotations = new Dictionary<string, string> { ["deployment.kubernetes.io/desired-replicas"] = "2" };
        if (revision is { } r)
        {
            annotations[DeploymentHistory.RevisionAnnotation] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (cause is not null)
        {
            annotations[DeploymentHistory.ChangeCauseAnnotation] = cause;
        }
        return new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = name, Annotations = annotations, OwnerReferences = [new OwnerReference { Controller = true, Uid = owner, Kind = "Deployment", Name = "web" }] },
            Spec = new ReplicaSetSpec { Template = Template(image, name.Split('-')[1]) },
        };
    }

    private static readonly ReplicaSet[] TwoRevisions = [Set("web-bbb", 2, "nginx:1.27", "to 1.27"), Set("web-aaa", 1, "nginx:1.26")];

    [Fact]
    public void Of_OneRevisionPerOwnedReplicaSet_OldestFirst_WithChangeCauseAndCurrent()
    {
        var revisions = DeploymentHistory.Of(Web("nginx:1.27"), [.. TwoRevisions, Set("other-ccc", 5, "x", owner: "uid-other"), Set("web-ddd", null, "y")]);
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal([null, "to 1.27"], revisions.Select(r => r.ChangeCause));
        Assert.Equal([false, true], revisions.Select(r => r.Current));
        Assert.Equal(("web", "default", "web-aaa"), (revisions[0].Name, revisions[0].Namespace, revisions[0].Source));
        Assert.Equal(["nginx=nginx:1.26"], revisions[0].Images);
    }

    [Fact]
    public void PlanRollback_ToThePrevious_ReplacesTemplateWithoutHash_AndAnnotationsKeepingTheDeploymentsRevision()
    {
        var deployment = Web("nginx:1.27", annotations: new() { [DeploymentHistory.RevisionAnnotation] = "2", [DeploymentHistory.ChangeCauseAnnotation] = "to 1.27", ["team"] = "shop" });
        var (patch, target) = DeploymentHistory.PlanRollback(deployment, TwoRevisions, 0);
        Assert.Equal(1, target.Revision);
        Assert.Equal("replace", (string?)patch![0]!["op"]);
        Assert.Equal("/spec/template", (string?)patch[0]!["path"]);
        Assert.Equal("""{"app":"web"}""", patch[0]!["value"]!["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("nginx:1.26", (string?)patch[0]!["value"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("/metadata/annotations", (string?)patch[1]!["path"]);
        // The revision's own annotations (no change cause there, so it goes) and the deployment's bookkeeping.
        Assert.Equal("""{"deployment.kubernetes.io/revision":"2"}""", patch[1]!["value"]!.ToJsonString());
    }

    [Fact]
    public void PlanRollback_ToARevisionTakesItsChangeCause()
    {
        var (patch, target) = DeploymentHistory.PlanRollback(Web("nginx:1.26"), TwoRevisions, 2);
        Assert.Equal(2, target.Revision);
        Assert.Equal("to 1.27", (string?)patch![1]!["value"]![DeploymentHistory.ChangeCauseAnnotation]);
    }

    [Fact]
    public void PlanRollback_ToTheTemplateItRuns_IsSkipped()
    {
        var (patch, target) = DeploymentHistory.PlanRollback(Web("nginx:1.27"), TwoRevisions, 2);
        Assert.Null(patch);
        Assert.Equal(2, target.Revision);
    }

    [Fact]
    public void PlanRollback_RefusesAsKubectl()
    {
        Assert.Equal(RolloutRefusal.RevisionNotFound, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRollback(Web("a"), TwoRevisions, 7)).Reason);
        Assert.Contains("its revisions are 1, 2", Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRollback(Web("a"), TwoRevisions, 7)).Message, StringComparison.Ordinal);
        Assert.Equal(RolloutRefusal.NoHistory, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRollback(Web("a"), [TwoRevisions[1]], 0)).Reason);
        Assert.Equal(RolloutRefusal.Paused, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRollback(Web("nginx:1.27", paused: true), TwoRevisions, 1)).Reason);
    }

    [Fact]
    public void PlanRestart_StampsRestartedAtToTheSecond_AndRefusesAPausedDeployment()
    {
        var at = new DateTimeOffset(2026, 12, 6, 9, 30, 15, 400, TimeSpan.FromHours(2));
        var patch = DeploymentHistory.PlanRestart(Web("a"), at);
        Assert.Equal("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-12-06T07:30:15Z"}}}}}""", patch.ToJsonString());
        Assert.Equal(RolloutRefusal.Paused, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRestart(Web("a", paused: true), at)).Reason);
        var restarted = Web("a");
        restarted.Spec!.Template!.Metadata!.Annotations = new() { [DeploymentHistory.RestartedAtAnnotation] = "2026-12-06T07:30:15Z" };
        Assert.Equal(RolloutRefusal.RestartedThisSecond, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanRestart(restarted, at)).Reason);
    }

    [Fact]
    public void PlanPause_SetsOrRemovesSpecPaused_AndRefusesNoChange()
    {
        Assert.Equal("""{"spec":{"paused":true}}""", DeploymentHistory.PlanPause(Web("a"), true).ToJsonString());
        Assert.Equal("""{"spec":{"paused":null}}""", DeploymentHistory.PlanPause(Web("a", paused: true), false).ToJsonString());
        Assert.Equal("deployment \"web\" is already paused.", Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanPause(Web("a", paused: true), true)).Message);
        Assert.Equal(RolloutRefusal.NotPaused, Assert.Throws<RolloutRefusedException>(() => DeploymentHistory.PlanPause(Web("a"), false)).Reason);
    }
}
