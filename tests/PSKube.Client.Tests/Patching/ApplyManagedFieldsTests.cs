using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;

namespace PSKube.Client.Tests.Patching;

public class ApplyManagedFieldsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, 600, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2025, 1, 2, 3, 5, 0, TimeSpan.Zero);

    [Fact]
    public void WritesTheEntryOfADeploymentAppliedByKubectlAsTheServerDoes()
    {
        // The body kubectl apply --server-side sends (see kubectl-requests.txt).
        var config = ApplyServerSideTests.Web(replicas: 3);

        var result = ServerSideApply.Apply(null, config, "kubectl", force: false, "apps/v1", Now);

        PatchJsonAssert.Exact(
            """
            [{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},
                          "f:spec":{"f:replicas":{},"f:selector":{},
                                    "f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
                                                  "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}}}]
            """,
            result.Object!["metadata"]!["managedFields"]);
    }

    [Fact]
    public void MatchesTheApiServerIntegrationTestForAnApplyFollowedByMergePatches()
    {
        // Kubernetes' TestApplyManagedFields: an apply, then two merge patches by "updater".
        var applied = ServerSideApply.Apply(null, PatchJsonAssert.Object("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"test-cm","namespace":"default","labels":{"test-label":"test"}},"data":{"key":"value"}}
            """), "apply_test", force: false, "v1", Now).Object!;
        var first = Patch(applied, """{"data":{"new-key":"value"}}""", Now);
        var second = Patch(first, """{"data":{"key":"new value"}}""", Later);

        PatchJsonAssert.Exact(
            """
            [{"manager":"apply_test","operation":"Apply","apiVersion":"v1","time":"2025-01-02T03:04:05Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:labels":{"f:test-label":{}}}}},
             {"manager":"updater","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:05:00Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:data":{"f:key":{},"f:new-key":{}}}}]
            """,
            second["metadata"]!["managedFields"]);
        PatchJsonAssert.Equivalent("""{"key":"new value","new-key":"value"}""", second["data"]);

        static JsonObject Patch(JsonObject live, string patch, DateTimeOffset at) =>
            ManagedFields.RecordUpdate(live, (JsonObject)JsonMergePatch.Apply(live, JsonNode.Parse(patch)!)!, "updater", "v1", at);
    }

    [Fact]
    public void MatchesTheApiServerIntegrationTestForAContainerAddedByAnotherApplier()
    {
        // Kubernetes' TestApplyConvertsManagedFieldsVersion: the sidecar controller's entry.
        var live = ServerSideApply.Apply(null, ApplyServerSideTests.Web(replicas: 1), "kubectl", force: false, "apps/v1", Now).Object!;
        var sidecar = PatchJsonAssert.Object("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"sidecar_version":"release"}},
             "spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"sidecar:latest"}]}}}}
            """);

        var result = ServerSideApply.Apply(live, sidecar, "sidecar_controller", force: false, "apps/v1", Later);

        var entry = result.Object!["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "sidecar_controller");
        PatchJsonAssert.Exact(
            """{"f:metadata":{"f:labels":{"f:sidecar_version":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"sidecar\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
            entry!["fieldsV1"]);
        Assert.Equal(["nginx", "sidecar"], result.Object["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ping","labels":{"app":"ping"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"ping"}},"template":{"metadata":{"labels":{"app":"ping"}},"spec":{"containers":[{"name":"ping","image":"jpetazzo/ping"}]}}}}""",
        "kubectl-create",
        """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"ping\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""")]
    [InlineData(
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"webcfg","namespace":"default","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"}},"data":{"key":"value"}}""",
        "kubectl-client-side-apply",
        """{"f:data":{".":{},"f:key":{}},"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}""")]
    [InlineData(
        """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"alpine","args":["ping"],"resources":{}}],"restartPolicy":"Always"},"status":{"phase":"Pending"}}""",
        "kubectl-run",
        """{"f:metadata":{"f:labels":{".":{},"f:run":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"x\"}":{".":{},"f:args":{},"f:image":{},"f:name":{},"f:resources":{}}},"f:restartPolicy":{}}}""")]
    public void RecordsACreateAsTheServerDoes(string created, string manager, string expectedFields)
    {
        var obj = PatchJsonAssert.Object(created);

        var result = ManagedFields.RecordUpdate(null, obj, manager, obj["apiVersion"]!.GetValue<string>(), Now);

        var entry = Assert.Single(result["metadata"]!["managedFields"]!.AsArray())!;
        Assert.Equal(manager, entry["manager"]!.GetValue<string>());
        Assert.Equal("Update", entry["operation"]!.GetValue<string>());
        PatchJsonAssert.Exact(expectedFields, entry["fieldsV1"]);
    }

    [Theory]
    [InlineData("""[{}]""")]
    [InlineData("""[]""")]
    public void ClearsManagedFieldsWhenTheRequestResetsThem(string reset)
    {
        var live = ManagedFields.RecordUpdate(null, ConfigMap("value"), "kubectl-create", "v1", Now);
        var request = (JsonObject)live.DeepClone();
        request["metadata"]!["managedFields"] = JsonNode.Parse(reset);

        var result = ManagedFields.RecordUpdate(live, request, "kubectl-edit", "v1", Later);

        Assert.Null(result["metadata"]!["managedFields"]);
    }

    [Fact]
    public void LeavesEntriesAloneWhenAnUpdateChangesNothing()
    {
        var live = ManagedFields.RecordUpdate(null, ConfigMap("value"), "kubectl-create", "v1", Now);

        var result = ManagedFields.RecordUpdate(live, (JsonObject)live.DeepClone(), "kubectl-label", "v1", Later);

        PatchJsonAssert.Exact(live["metadata"]!["managedFields"]!.ToJsonString(), result["metadata"]!["managedFields"]);
    }

    [Fact]
    public void KeepsManagedFieldsSentInARequestButNotOnASubresource()
    {
        var live = ManagedFields.RecordUpdate(null, ConfigMap("value"), "kubectl-create", "v1", Now);
        var request = ConfigMap("value");
        request["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"imported","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}}}}]""");

        var onResource = ManagedFields.RecordUpdate(live, request, "kubectl-replace", "v1", Later);
        var onSubresource = ManagedFields.RecordUpdate(live, request, "kubectl-replace", "v1", Later, subresource: "status");

        Assert.Equal("imported", onResource["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("kubectl-create", onSubresource["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
    }

    [Fact]
    public void TracksStatusOnlyThroughTheStatusSubresource()
    {
        var pod = PatchJsonAssert.Object("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"name":"x","image":"alpine"}]},"status":{"phase":"Pending"}}""");
        var created = ManagedFields.RecordUpdate(null, pod, "kubectl-run", "v1", Now);
        var running = (JsonObject)created.DeepClone();
        running["status"]!["phase"] = "Running";

        var result = ManagedFields.RecordUpdate(created, running, "kubelet", "v1", Later, subresource: "status");

        var entries = result["metadata"]!["managedFields"]!.AsArray();
        Assert.DoesNotContain("status", entries[0]!["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
        PatchJsonAssert.Exact(
            """{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2025-01-02T03:05:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}""",
            entries[1]);
    }

    [Fact]
    public void OrdersAppliersBeforeUpdatersThenByTime()
    {
        var created = ManagedFields.RecordUpdate(null, ConfigMap("value"), "z-creator", "v1", Later);
        var labelled = ManagedFields.RecordUpdate(created, WithLabel(created), "a-labeller", "v1", Later.AddMinutes(1));
        var applied = ServerSideApply.Apply(labelled, PatchJsonAssert.Object("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","annotations":{"note":"x"}}}"""), "m-applier", force: false, "v1", Later.AddMinutes(2)).Object!;

        Assert.Equal(["m-applier", "z-creator", "a-labeller"], applied["metadata"]!["managedFields"]!.AsArray().Select(e => e!["manager"]!.GetValue<string>()));
    }

    [Fact]
    public void ReadsFieldsV1BackAsTheSameSet()
    {
        const string fieldsV1 = """{"f:metadata":{"f:finalizers":{".":{},"v:\"example.com/x\"":{}}},"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{}}}}}""";

        var set = FieldSet.FromFieldsV1(PatchJsonAssert.Object(fieldsV1));

        PatchJsonAssert.Exact(fieldsV1, set.ToFieldsV1());
        Assert.Equal(
            [".metadata.finalizers", ".metadata.finalizers[=\"example.com/x\"]", ".spec.ports[port=80,protocol=\"TCP\"]", ".spec.ports[port=80,protocol=\"TCP\"].port"],
            set.Paths().Select(FieldSet.Format));
    }

    private static JsonObject ConfigMap(string value) =>
        new()
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "cfg" },
            ["data"] = new JsonObject { ["key"] = value },
        };

    private static JsonObject WithLabel(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["metadata"]!["labels"] = new JsonObject { ["color"] = "red" };
        return copy;
    }
}
