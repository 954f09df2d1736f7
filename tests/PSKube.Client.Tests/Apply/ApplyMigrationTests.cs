using System.Text.Json.Nodes;
using PSKube.Client.Apply;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Apply;

/// <summary>The hand-over of kubectl's apply managers to pskube, and the conflict error's wording, without a server.</summary>
public sealed class ApplyMigrationTests
{
    private const string LastApplied = """{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}},"f:labels":{"f:tier":{}}},"f:spec":{"f:replicas":{}}}""";

    [Fact]
    public void ClientSideApply_BecomesTheApplyEntryOfTheNewManager()
    {
        var entries = Entries(
            Entry("kube-controller-manager", "Update", """{"f:status":{"f:replicas":{}}}""", subresource: "status"),
            Entry("kubectl-client-side-apply", "Update", LastApplied));

        var (migrated, predecessors) = ManagedFieldsMigration.Migrate(entries, "pskube")!.Value;

        Assert.Equal(["kubectl-client-side-apply"], predecessors);
        Assert.Equal(["kube-controller-manager/Update", "pskube/Apply"], Describe(migrated));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(LastApplied), migrated[1]!["fieldsV1"]));
    }

    [Fact]
    public void KubectlServerSideApply_JoinsAnExistingApplyEntry_AndOtherManagersStay()
    {
        var entries = Entries(
            Entry("pskube", "Apply", """{"f:spec":{"f:replicas":{}}}"""),
            Entry("kubectl", "Apply", """{"f:metadata":{"f:labels":{"f:tier":{}}}}"""),
            Entry("kubectl", "Update", """{"f:spec":{"f:paused":{}}}"""),
            Entry("helm", "Apply", """{"f:data":{}}"""));

        var (migrated, predecessors) = ManagedFieldsMigration.Migrate(entries, "pskube")!.Value;

        Assert.Equal(["kubectl"], predecessors);
        Assert.Equal(["pskube/Apply", "kubectl/Update", "helm/Apply"], Describe(migrated));
        Assert.Equal("""{"f:spec":{"f:replicas":{}},"f:metadata":{"f:labels":{"f:tier":{}}}}""", migrated[0]!["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void NothingToHandOver_IsNull()
    {
        Assert.Null(ManagedFieldsMigration.Migrate(Entries(Entry("pskube", "Apply", "{}"), Entry("kubectl", "Update", """{"f:spec":{}}""")), "pskube"));
        Assert.Null(ManagedFieldsMigration.Migrate(null, "pskube"));
    }

    [Fact]
    public void ThePatch_ReplacesTheManagedFieldsOnlyAtTheVersionRead()
    {
        var patch = ManagedFieldsMigration.Patch(Entries(Entry("pskube", "Apply", "{}")), "42");
        Assert.Equal("replace", (string?)patch[1]!["op"]);
        Assert.Equal("/metadata/resourceVersion", (string?)patch[1]!["path"]);
        Assert.Equal("42", (string?)patch[1]!["value"]);
        Assert.Equal("/metadata/managedFields", (string?)patch[0]!["path"]);
    }

    [Fact]
    public void TheConflictReport_NamesEachFieldWithItsOwner()
    {
        var report = ApplyConflictReport.Describe("deployment.apps/web",
        [
            new StatusCause { Reason = "FieldManagerConflict", Field = ".spec.replicas", Message = "conflict with \"kubectl\" with subresource \"scale\" using apps/v1" },
            new StatusCause { Reason = "FieldManagerConflict", Field = ".metadata.labels.tier", Message = "conflict with \"helm\" using apps/v1" },
        ]);

        Assert.StartsWith("Applying deployment.apps/web would change fields other managers own: .spec.replicas (owned by \"kubectl\" with subresource \"scale\"); .metadata.labels.tier (owned by \"helm\"). Run it again with -Force", report, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConflictReport_SaysWhenAnEarlierPSKubeCommandOwnsTheField()
    {
        // Set-KubeImage writes as pskube with operation Update: the server keeps that apart from pskube's apply.
        var report = ApplyConflictReport.Describe("deployment.apps/web",
            [new StatusCause { Reason = "FieldManagerConflict", Field = ".spec.template.spec.containers[name=\"web\"].image", Message = "conflict with \"pskube\" using apps/v1" }]);

        Assert.Contains("(owned by \"pskube\", set by an earlier PSKube command such as Set-KubeImage, Set-KubeLabel, Update-KubeResource or Edit-KubeResource, not by Set-KubeResource)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjection_HoldsOnlyTheOwnedFields_ListItemsFoundByKey()
    {
        var fields = (JsonObject)JsonNode.Parse("""{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{}}}}}""")!;
        var before = JsonNode.Parse("""{"spec":{"containers":[{"name":"side","image":"a"},{"name":"web","image":"nginx:1.27"}]},"status":{"x":1}}""");
        var sameOwned = JsonNode.Parse("""{"spec":{"containers":[{"name":"side","image":"b"},{"name":"web","image":"nginx:1.27"}]},"status":{"x":2}}""");
        var changed = JsonNode.Parse("""{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}""");

        Assert.True(JsonNode.DeepEquals(FieldSets.Project(before, fields), FieldSets.Project(sameOwned, fields)));
        Assert.False(JsonNode.DeepEquals(FieldSets.Project(before, fields), FieldSets.Project(changed, fields)));
    }

    private static JsonArray Entries(params JsonObject[] entries) => [.. entries];

    private static JsonObject Entry(string manager, string operation, string fields, string? subresource = null)
    {
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = operation,
            ["apiVersion"] = "apps/v1",
            ["time"] = "2026-01-01T00:00:00Z",
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = JsonNode.Parse(fields),
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }
        return entry;
    }

    private static List<string> Describe(JsonArray entries) => [.. entries.Select(e => $"{e!["manager"]}/{e["operation"]}")];
}
