using System.Text.Json.Nodes;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The managedFields JSON patch kubectl (and Set-KubeResource) send to hand client-side apply fields over: replaced
/// as sent, guarded by the resourceVersion, without a new manager entry for the patch itself.
/// </summary>
public sealed class FakeClusterManagedFieldsPatchTests : FakeClusterHttpTest
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task AManagedFieldsPatch_AtTheCurrentVersion_ReplacesThem_AndAtAStaleOne_IsAConflict()
    {
        var (_, created) = await Http.SendAsync(HttpMethod.Post, ConfigMaps + "?fieldManager=kubectl-client-side-apply", FakeClusterHttp.ConfigMap("cfg"));
        var version = (string)created!["metadata"]!["resourceVersion"]!;
        var entry = created["metadata"]!["managedFields"]![0]!.DeepClone();
        entry["manager"] = "pskube";
        entry["operation"] = "Apply";

        var stale = Patch(entry, "1");
        var (staleCode, _) = await Http.SendAsync(HttpMethod.Patch, ConfigMaps + "/cfg?fieldManager=pskube", stale, "application/json-patch+json");
        Assert.Equal(409, staleCode);

        var (code, patched) = await Http.SendAsync(HttpMethod.Patch, ConfigMaps + "/cfg?fieldManager=pskube", Patch(entry, version), "application/json-patch+json");
        Assert.Equal(200, code);
        var managers = patched!["metadata"]!["managedFields"]!.AsArray().Select(e => $"{e!["manager"]}/{e["operation"]}").ToList();
        Assert.Equal(["pskube/Apply"], managers);
        Assert.NotEqual(version, (string?)patched["metadata"]!["resourceVersion"]);
    }

    private static JsonArray Patch(JsonNode entry, string version) =>
    [
        new JsonObject { ["op"] = "replace", ["path"] = "/metadata/managedFields", ["value"] = new JsonArray(entry.DeepClone()) },
        new JsonObject { ["op"] = "replace", ["path"] = "/metadata/resourceVersion", ["value"] = version },
    ];
}
