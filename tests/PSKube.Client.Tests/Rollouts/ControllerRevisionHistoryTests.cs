using PSKube.Client.Models;
using PSKube.Client.Rollouts;

namespace PSKube.Client.Tests.Rollouts;

/// <summary>A stateful or daemon set's rollout history from its controller revisions, and kubectl rollout undo's patch from them.</summary>
public sealed class ControllerRevisionHistoryTests
{
    private static StatefulSet Db(string image) => KubeJson.Deserialize<StatefulSet>("""
        {"kind":"StatefulSet","metadata":{"name":"db","namespace":"default","uid":"uid-db"},
         "spec":{"template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"IMAGE"}]}}}}
        """.Replace("IMAGE", image, StringComparison.Ordinal))!;

    private static GenericKubeObject Revision(string name, int revision, string image, string owner = "uid-db", string? cause = null) => KubeJson.Deserialize<GenericKubeObject>("""
        {"kind":"ControllerRevision","metadata":{"name":"NAME","annotations":{"kubernetes.io/change-cause":"CAUSE"},
         "ownerReferences":[{"controller":true,"uid":"OWNER","kind":"StatefulSet","name":"db","apiVersion":"apps/v1"}]},
         "data":{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"image":"IMAGE","name":"db"}]}}}},
         "revision":REVISION}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("CAUSE", cause ?? "", StringComparison.Ordinal).Replace("OWNER", owner, StringComparison.Ordinal)
        .Replace("IMAGE", image, StringComparison.Ordinal).Replace("REVISION", revision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!;

    private static readonly GenericKubeObject[] Revisions =
        [Revision("db-bbb", 2, "postgres:17", cause: "to 17"), Revision("db-aaa", 1, "postgres:16"), Revision("other-ccc", 3, "x", owner: "uid-other")];

    [Fact]
    public void Of_OneRevisionPerOwnedControllerRevision_WithItsTemplateAndChangeCause()
    {
        var history = ControllerRevisionHistory.Of(Db("postgres:17"), Revisions);
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal(["db=postgres:16", "db=postgres:17"], history.Select(r => r.Images.Single()));
        Assert.Equal([null, "to 17"], history.Select(r => r.ChangeCause));
        Assert.Equal([false, true], history.Select(r => r.Current));
        Assert.Equal(("StatefulSet", "db", "db-aaa"), (history[0].Kind, history[0].Name, history[0].Source));
    }

    [Fact]
    public void PlanRollback_SendsTheRevisionsData_OrSkipsTheRunningTemplate()
    {
        var (patch, target) = ControllerRevisionHistory.PlanRollback(Db("postgres:17"), Revisions, 0);
        Assert.Equal(1, target.Revision);
        Assert.Equal("replace", (string?)patch!["spec"]!["template"]!["$patch"]);
        Assert.Equal("postgres:16", (string?)patch["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        var (skipped, current) = ControllerRevisionHistory.PlanRollback(Db("postgres:17"), Revisions, 2);
        Assert.Null(skipped);
        Assert.Equal(2, current.Revision);
    }

    [Fact]
    public void PlanRollback_RefusesAsKubectl()
    {
        Assert.Equal(RolloutRefusal.RevisionNotFound, Assert.Throws<RolloutRefusedException>(() => ControllerRevisionHistory.PlanRollback(Db("a"), Revisions, 3)).Reason);
        var none = Assert.Throws<RolloutRefusedException>(() => ControllerRevisionHistory.PlanRollback(Db("a"), [Revisions[1]], 0));
        Assert.Equal(RolloutRefusal.NoHistory, none.Reason);
        Assert.StartsWith("no last revision to roll back to", none.Message, StringComparison.Ordinal);
    }
}
