using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;

namespace PSKube.Client.Tests.Patching;

public class ApplyServerSideTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddMinutes(1);

    [Fact]
    public void CreatesTheObjectFromTheConfiguration()
    {
        var result = ServerSideApply.Apply(null, Web(replicas: 3), "kubectl", force: false, "apps/v1", Now);

        Assert.True(result.Succeeded);
        Assert.Equal(3, Replicas(result.Object!));
        Assert.Equal("nginx:1.27", result.Object!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(["kubectl"], Managers(result.Object));
    }

    [Fact]
    public void ReappliesAChangedFieldAndRefreshesTheTime()
    {
        var created = Apply(null, Web(replicas: 3), "kubectl", Now);

        var result = ServerSideApply.Apply(created, Web(replicas: 5), "kubectl", force: false, "apps/v1", Later);

        Assert.True(result.Succeeded);
        Assert.Equal(5, Replicas(result.Object!));
        Assert.Equal("2025-01-02T03:05:05Z", result.Object!["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>());
    }

    [Fact]
    public void RemovesFieldsTheManagerNoLongerApplies()
    {
        var created = Apply(null, Web(replicas: 3, extraLabel: true, port: true), "kubectl", Now);

        var result = Apply(created, Web(replicas: 3), "kubectl", Later);

        Assert.Null(result["metadata"]!["labels"]!["tier"]);
        Assert.Null(result["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]);
        Assert.DoesNotContain("tier", Fields(result, "kubectl"), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoManagersApplyingTheSameValueShareIt()
    {
        var byA = Apply(null, Web(replicas: 3), "team-a", Now);
        var byB = Apply(byA, Web(replicas: 3), "team-b", Later);

        Assert.Contains("\"f:replicas\"", Fields(byB, "team-a"), StringComparison.Ordinal);
        Assert.Contains("\"f:replicas\"", Fields(byB, "team-b"), StringComparison.Ordinal);

        // A stops applying replicas: B still owns them, so they stay.
        var withoutReplicas = Web(replicas: 3);
        ((JsonObject)withoutReplicas["spec"]!).Remove("replicas");
        var afterA = Apply(byB, withoutReplicas, "team-a", Later);

        Assert.Equal(3, Replicas(afterA));
        Assert.DoesNotContain("\"f:replicas\"", Fields(afterA, "team-a"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAConflictWithTheServersWording()
    {
        var byA = Apply(null, Web(replicas: 3), "team-a", Now);

        var result = ServerSideApply.Apply(byA, Web(replicas: 4), "team-b", force: false, "apps/v1", Later);

        Assert.False(result.Succeeded);
        Assert.Null(result.Object);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(".spec.replicas", conflict.Field);
        Assert.Equal("conflict with \"team-a\"", conflict.Message);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"team-a\": .spec.replicas", ApplyConflictStatus.Message(result.Conflicts));
    }

    [Fact]
    public void ForceTakesOwnership()
    {
        var byA = Apply(null, Web(replicas: 3), "team-a", Now);

        var result = ServerSideApply.Apply(byA, Web(replicas: 4), "team-b", force: true, "apps/v1", Later);

        Assert.True(result.Succeeded);
        Assert.Equal(4, Replicas(result.Object!));
        Assert.DoesNotContain("\"f:replicas\"", Fields(result.Object!, "team-a"), StringComparison.Ordinal);
        Assert.Contains("\"f:replicas\"", Fields(result.Object!, "team-b"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdateManagerThatChangedReplicasMakesALaterApplyConflict()
    {
        var applied = Apply(null, Web(replicas: 3), "kubectl", Now);
        var scaled = ManagedFields.RecordUpdate(applied, (JsonObject)JsonMergePatch.Apply(applied, JsonNode.Parse("""{"spec":{"replicas":5}}""")!)!, "kubectl-scale", "apps/v1", Later);

        Assert.DoesNotContain("\"f:replicas\"", Fields(scaled, "kubectl"), StringComparison.Ordinal);
        var result = ServerSideApply.Apply(scaled, Web(replicas: 3), "kubectl", force: false, "apps/v1", Later);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-scale\" using apps/v1: .spec.replicas", ApplyConflictStatus.Message(result.Conflicts));
    }

    [Fact]
    public void NamesASubresourceManagerInTheConflict()
    {
        var applied = Apply(null, Web(replicas: 3), "kubectl", Now);
        var scaled = ManagedFields.RecordUpdate(applied, (JsonObject)JsonMergePatch.Apply(applied, JsonNode.Parse("""{"spec":{"replicas":5}}""")!)!, "kubectl", "apps/v1", Later, subresource: "scale");

        var result = ServerSideApply.Apply(scaled, Web(replicas: 3), "kubectl", force: false, "apps/v1", Later);

        Assert.Equal("conflict with \"kubectl\" with subresource \"scale\" using apps/v1", Assert.Single(result.Conflicts).Message);
    }

    [Fact]
    public void ListsSeveralConflictsByManager()
    {
        var byA = Apply(null, Web(replicas: 3), "team-a", Now);
        var labelled = ManagedFields.RecordUpdate(byA, (JsonObject)JsonMergePatch.Apply(byA, JsonNode.Parse("""{"metadata":{"labels":{"app":"other"}}}""")!)!, "kubectl-label", "v1", Later);
        var config = Web(replicas: 4);
        config["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.28";

        var result = ServerSideApply.Apply(labelled, config, "team-b", force: false, "apps/v1", Later);

        Assert.Equal(
            "Apply failed with 3 conflicts: conflicts with \"kubectl-label\" using v1:\n- .metadata.labels.app\n" +
            "conflicts with \"team-a\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"nginx\"].image",
            ApplyConflictStatus.Message(result.Conflicts));
    }

    [Fact]
    public void BuildsTheConflictStatusAsTheServerSendsIt()
    {
        var created = ManagedFields.RecordUpdate(null, Service(), "kubectl-client-side-apply", "v1", Now);
        var config = Service();
        config["spec"]!["selector"] = new JsonObject { ["app"] = "other" };

        var result = ServerSideApply.Apply(created, config, "argocd", force: false, "v1", Later);

        PatchJsonAssert.Exact(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using v1: .spec.selector","reason":"Conflict","details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl-client-side-apply\" using v1","field":".spec.selector"}]},"code":409}""",
            ApplyConflictStatus.ToStatus(result.Conflicts));
    }

    [Fact]
    public void KubectlTakesOverFieldsFromAClientSideApply()
    {
        var clientSide = WithLastApplied(Web(replicas: 2));
        var created = ManagedFields.RecordUpdate(null, clientSide, "kubectl-client-side-apply", "apps/v1", Now);

        var byOtherManager = ServerSideApply.Apply(created, Web(replicas: 3), "deployer", force: false, "apps/v1", Later);
        var byKubectl = ServerSideApply.Apply(created, Web(replicas: 3), "kubectl", force: false, "apps/v1", Later);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", ApplyConflictStatus.Message(byOtherManager.Conflicts));
        Assert.True(byKubectl.Succeeded);
        Assert.Equal(3, Replicas(byKubectl.Object!));
        var lastApplied = byKubectl.Object!["metadata"]!["annotations"]![ServerSideApply.LastAppliedAnnotation]!.GetValue<string>();
        Assert.Contains("\"replicas\":3", lastApplied, StringComparison.Ordinal);
        Assert.EndsWith("\n", lastApplied, StringComparison.Ordinal);
    }

    [Fact]
    public void CreditsUnmanagedFieldsToBeforeFirstApply()
    {
        var unmanaged = Web(replicas: 2);

        var result = ServerSideApply.Apply(unmanaged, Web(replicas: 3), "deployer", force: false, "apps/v1", Now);

        Assert.Equal("conflict with \"before-first-apply\" using apps/v1", Assert.Single(result.Conflicts).Message);
    }

    [Fact]
    public void PlacesNewListItemsWhereTheAppliedOrderPutsThem()
    {
        var live = Apply(null, Containers("a", "b"), "team-a", Now);

        var result = Apply(live, Containers("c", "a"), "team-b", Later);

        Assert.Equal(["c", "a", "b"], result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void KeysContainerPortsByPortAndDefaultProtocol()
    {
        var result = Apply(null, Web(replicas: 1, port: true), "kubectl", Now);

        Assert.Contains("""k:{\"containerPort\":80,\"protocol\":\"TCP\"}""", Fields(result, "kubectl"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"}}""", 400, "Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","managedFields":[]}}""", 400, "metadata.managedFields must be nil")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", 500,
        "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)")]
    public void RejectsConfigurationsTheServerRejects(string config, int code, string message)
    {
        var error = Assert.Throws<PatchException>(() => ServerSideApply.Apply(null, PatchJsonAssert.Object(config), "kubectl", force: false, "apps/v1", Now));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(message, error.Message);
    }

    private static JsonObject Apply(JsonObject? live, JsonObject config, string manager, DateTimeOffset now)
    {
        var result = ServerSideApply.Apply(live, config, manager, force: false, config["apiVersion"]!.GetValue<string>(), now);
        Assert.True(result.Succeeded, string.Join("; ", result.Conflicts.Select(c => c.Field)));
        return result.Object!;
    }

    internal static JsonObject Web(int replicas, bool extraLabel = false, bool port = false)
    {
        var web = PatchJsonAssert.Object("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web","namespace":"default"},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}
            """);
        web["spec"]!["replicas"] = replicas;
        if (extraLabel)
        {
            web["metadata"]!["labels"]!["tier"] = "frontend";
        }

        if (port)
        {
            web["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 80 });
        }

        return web;
    }

    private static JsonObject Containers(params string[] names)
    {
        var config = Web(replicas: 1);
        config["spec"]!["template"]!["spec"]!["containers"] = new JsonArray([.. names.Select(n => new JsonObject { ["name"] = n, ["image"] = n })]);
        return config;
    }

    private static JsonObject Service() => PatchJsonAssert.Object("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"elastic","namespace":"default"},
         "spec":{"ports":[{"port":9200,"protocol":"TCP","targetPort":9200}],"selector":{"app":"elastic"}}}
        """);

    private static JsonObject WithLastApplied(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        copy["metadata"]!["annotations"] = new JsonObject { [ServerSideApply.LastAppliedAnnotation] = config.ToJsonString() + "\n" };
        return copy;
    }

    private static int Replicas(JsonObject obj) => obj["spec"]!["replicas"]!.GetValue<int>();

    private static string[] Managers(JsonObject obj) =>
        [.. obj["metadata"]!["managedFields"]!.AsArray().Select(e => e!["manager"]!.GetValue<string>())];

    private static string Fields(JsonObject obj, string manager) =>
        obj["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == manager)!["fieldsV1"]!.ToJsonString(PatchJsonAssert.ServerJson);
}
