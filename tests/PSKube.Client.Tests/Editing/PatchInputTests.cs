using System.Collections;
using System.Collections.Specialized;
using System.Text.Json.Nodes;
using PSKube.Client.Editing;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Editing;

/// <summary>kubectl patch's input: PowerShell values and JSON/YAML text as the JSON the server gets, checked before any request.</summary>
public sealed class PatchInputTests
{
    [Fact]
    public void Values_KeepNumbersBooleansNullsAndTheOrderOfAnOrderedDictionary()
    {
        var ordered = new OrderedDictionary { ["z"] = 1, ["a"] = true, ["m"] = null, ["d"] = 2.5, ["big"] = 12345678901L };
        var node = JsonValues.FromValue(new Hashtable { ["spec"] = ordered }, "MergePatch");
        Assert.Equal("""{"spec":{"z":1,"a":true,"m":null,"d":2.5,"big":12345678901}}""", node!.ToJsonString());
    }

    [Fact]
    public void Values_NestedArraysStayArrays_AndDatesAreRfc3339()
    {
        object[] nested = [new object[] { 1, "two" }, Array.Empty<object>()];
        var node = JsonValues.FromValue(new OrderedDictionary { ["lists"] = nested, ["at"] = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.FromHours(1)) }, "MergePatch");
        Assert.Equal("""{"lists":[[1,"two"],[]],"at":"2026-12-06T07:00:00Z"}""", node!.ToJsonString());
    }

    [Fact]
    public void Values_UnwrapsTheHostsWrappers()
    {
        var node = JsonValues.FromValue(new Wrapper(new OrderedDictionary { ["a"] = new Wrapper(3) }), "MergePatch", v => v is Wrapper w ? w.Value : v);
        Assert.Equal("""{"a":3}""", node!.ToJsonString());
    }

    [Fact]
    public void Values_WithoutAJsonForm_AreRefusedNamingTheParameterAndWhere()
    {
        var refused = Assert.Throws<KubeInputException>(() => JsonValues.FromValue(new OrderedDictionary { ["spec"] = new OrderedDictionary { ["x"] = new object() } }, "StrategicPatch"));
        Assert.Equal("StrategicPatch", refused.ParameterName);
        Assert.Contains("spec.x", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"spec":{"replicas":3}}""")]
    [InlineData("spec:\n  replicas: 3\n")]
    [InlineData("spec: {replicas: 3}")]
    public void Text_JsonOrYaml_GiveTheSamePatch(string text) =>
        Assert.Equal("""{"spec":{"replicas":3}}""", PatchDocument.Read(text, PatchKind.Merge, "MergePatch").ToJsonString());

    [Fact]
    public void Text_AsLines_IsOneText() =>
        Assert.Equal("""{"spec":{"replicas":3}}""", PatchDocument.Read(new object[] { "spec:", "  replicas: 3" }, PatchKind.Strategic, "StrategicPatch").ToJsonString());

    [Fact]
    public void JsonPatch_FromHashtables()
    {
        var patch = PatchDocument.Read(new object[] { new OrderedDictionary { ["op"] = "replace", ["path"] = "/spec/replicas", ["value"] = 2 } }, PatchKind.Json, "JsonPatch");
        Assert.Equal("""[{"op":"replace","path":"/spec/replicas","value":2}]""", patch.ToJsonString());
    }

    [Theory]
    [InlineData("[1]", PatchKind.Merge, "must be an object")]
    [InlineData("spec: [", PatchKind.Merge, "not valid JSON or YAML")]
    [InlineData("  ", PatchKind.Strategic, "is empty")]
    [InlineData("""{"op":"replace"}""", PatchKind.Json, "must be a list of operations")]
    [InlineData("""[{"op":"x","path":"/a"}]""", PatchKind.Json, "op \"x\"")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""", PatchKind.Json, "needs a path")]
    [InlineData("""[{"op":"replace","path":"/a"}]""", PatchKind.Json, "needs a value")]
    [InlineData("""[{"op":"move","path":"/a"}]""", PatchKind.Json, "needs from")]
    public void BadPatches_AreRefusedBeforeAnyRequest_NamingTheParameter(string text, PatchKind kind, string message)
    {
        var parameter = kind + "Patch";
        var refused = Assert.Throws<KubeInputException>(() => PatchDocument.Read(text, kind, parameter));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(parameter, refused.ParameterName);
        Assert.StartsWith("-" + parameter, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrategicPatches_AreForBuiltInKindsOnly()
    {
        Assert.True(PatchDocument.TakesStrategicPatch(BuiltInResources.Find("deployments")!));
        Assert.True(PatchDocument.TakesStrategicPatch(BuiltInResources.Find("pods")!));
        Assert.False(PatchDocument.TakesStrategicPatch(Widgets));
    }

    [Fact]
    public async Task StrategicPatchOfACustomResource_IsRefusedWithoutARequest()
    {
        // Nothing listens there: a request would fail with another error.
        var endpoint = new PSKube.Client.Transport.ClusterEndpoint(new Uri("https://127.0.0.1:1"));
        using var connection = new PSKube.Client.Transport.KubeConnection(endpoint, PSKube.Client.Auth.AnonymousCredentials.Instance);
        var client = new KubeClient(new PSKube.Client.Config.KubeContext("none", "none", "none", "default", endpoint, PSKube.Client.Auth.AnonymousCredentials.Instance), connection);
        var refused = await Assert.ThrowsAsync<KubeInputException>(() =>
            client.PatchResourceAsync(Widgets, "default", "w", PatchKind.Strategic, new JsonObject(), null, CancellationToken.None));
        Assert.Contains("custom resource", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergePatchDiff_ChangedAddedAndRemovedFields_ListsWhole()
    {
        var original = JsonNode.Parse("""{"a":1,"keep":{"x":1,"y":2},"gone":true,"list":[1,2]}""")!.AsObject();
        var edited = JsonNode.Parse("""{"a":2,"keep":{"x":1},"new":"n","list":[1,3]}""")!.AsObject();
        Assert.Equal("""{"a":2,"keep":{"y":null},"gone":null,"list":[1,3],"new":"n"}""", MergePatchDiff.Between(original, edited).ToJsonString());
        Assert.Empty(MergePatchDiff.Between(original, original.DeepClone().AsObject()));
    }

    private static readonly ResourceDefinition Widgets = new("example.com", "v1", "Widget", "widgets", "widget", true, ["get", "patch"], [], [], []);

    private sealed record Wrapper(object Value);
}
