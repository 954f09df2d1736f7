using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Manifests;

/// <summary>Objects to JSON as kubectl get -o json prints it, and kubectl's JSON back to typed objects.</summary>
public sealed class KubectlJsonTests
{
    private static ConfigMap Settings(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "default",
            ManagedFields = [new ManagedFieldsEntry { Manager = "kubectl-create", Operation = "Update" }],
        },
        Data = new() { ["url"] = "http://x/?a=1&b=<2>", ["zone"] = "été", ["port"] = "8080" },
    };

    [Fact]
    public void Json_OneObject_IsItself_KeysSortedIndentedByFourSpaces_HtmlCharactersEscapedAsGo()
    {
        Assert.Equal("""
            {
                "apiVersion": "v1",
                "data": {
                    "port": "8080",
                    "url": "http://x/?a=1\u0026b=\u003c2\u003e",
                    "zone": "été"
                },
                "kind": "ConfigMap",
                "metadata": {
                    "name": "one",
                    "namespace": "default"
                }
            }

            """, KubectlJson.ToJson(Settings("one")));
    }

    [Fact]
    public void Json_SeveralObjects_AreAList_AsKubectlGetPrintsThem()
    {
        var json = KubectlJson.ToJson([Settings("one"), Settings("two")], compress: true);
        Assert.Equal(
            """{"apiVersion":"v1","items":[{"apiVersion":"v1","data":{"port":"8080","url":"http://x/?a=1\u0026b=\u003c2\u003e","zone":"été"},"kind":"ConfigMap","metadata":{"name":"one","namespace":"default"}},"""
            + """{"apiVersion":"v1","data":{"port":"8080","url":"http://x/?a=1\u0026b=\u003c2\u003e","zone":"été"},"kind":"ConfigMap","metadata":{"name":"two","namespace":"default"}}],"kind":"List","metadata":{"resourceVersion":""}}""",
            json);
    }

    [Fact]
    public void Json_KeepsManagedFieldsOnlyWhenAsked()
    {
        Assert.DoesNotContain("managedFields", KubectlJson.ToJson(Settings("one")));
        Assert.Contains("\"managedFields\":[{\"manager\":\"kubectl-create\",\"operation\":\"Update\"}]", KubectlJson.ToJson(Settings("one"), includeManagedFields: true, compress: true));
    }

    [Theory]
    [InlineData("""{"a":"tab\tnew\nline\r\u0001\u001f\b\f\"\\/\u2028\u2029😀"}""", """{"a":"tab\tnew\nline\r\u0001\u001f\b\f\"\\/\u2028\u2029😀"}""")]
    [InlineData("""{"n":[0,-5,9007199254740993,1.5,1.0,1e3,0.000001,1e-7,1e20,1e21,-2.5e-10,0.30000000000000004]}""", """{"n":[0,-5,9007199254740993,1.5,1,1000,0.000001,1e-7,100000000000000000000,1e+21,-2.5e-10,0.30000000000000004]}""")]
    [InlineData("""{"b":{},"a":[],"c":null,"d":true}""", """{"a":[],"b":{},"c":null,"d":true}""")]
    public void Json_WritesStringsAndNumbersAsGo(string input, string expected) =>
        Assert.Equal(expected, GoJsonWriter.Write(JsonNode.Parse(input), compress: true));

    [Fact]
    public void Json_ReadsAnObjectAListATypedListAndObjectsOneAfterAnother()
    {
        const string text = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"alone"},"data":{"a":"1"}}
            {"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},"items":[
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"listed"}},
              {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"gizmo"},"spec":{"size":3}}]}
            {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"web"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}]}
            """;
        var objects = KubectlJson.ObjectsFromJson(text);
        Assert.Equal(["alone", "listed", "gizmo", "web"], objects.Select(o => o.Name));
        Assert.Equal("1", Assert.IsType<ConfigMap>(objects[0]).Data!["a"]);
        Assert.Equal(3, Assert.IsType<GenericKubeObject>(objects[2]).ExtensionData!["spec"].GetProperty("size").GetInt32());
        var pod = Assert.IsType<Pod>(objects[3]);
        Assert.Equal(("v1", "Pod", "nginx"), (pod.ApiVersion, pod.Kind, pod.Spec!.Containers![0].Image));
        Assert.Empty(KubectlJson.ObjectsFromJson(" \n"));
    }

    [Fact]
    public void Json_ReadsBackWhatItWrites()
    {
        var objects = KubectlJson.ObjectsFromJson(KubectlJson.ToJson([Settings("one"), Settings("two")], includeManagedFields: true));
        Assert.Equal(["one", "two"], objects.Select(o => o.Name));
        Assert.Equal("été", Assert.IsType<ConfigMap>(objects[1]).Data!["zone"]);
        Assert.Equal("kubectl-create", objects[1].Metadata!.ManagedFields![0].Manager);
    }

    [Theory]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\"\n  \"metadata\": {}\n}", 4, 3, "'\"' is invalid after a value")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n\n  {\"kind\": }", 3, 12, "'}' is an invalid start of a value")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}} {\"kind\": ]", 1, 73, "']' is an invalid start of a value")]
    public void Json_SyntaxErrorsGiveLineAndColumnInTheWholeText(string text, int line, int column, string message)
    {
        var error = Assert.Throws<ManifestException>(() => KubectlJson.ObjectsFromJson(text));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"line {line}, column {column}: {message}", error.Message);
    }

    [Theory]
    [InlineData("""{"kind":"List","items":[{"kind":"Pod"}]}""", "line 1, column 25: item 1 of value 1 (List) is not a Kubernetes object: it needs apiVersion and kind")]
    [InlineData("""[1]""", "line 1, column 1: value 1 is not a Kubernetes object: it needs apiVersion and kind")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":5}}""", "line 1, column 54: value 1 (Pod): spec.containers: expected a list, got a number (5)")]
    public void Json_WhatIsNotAKubernetesObjectIsRefusedSayingWhich(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<ManifestException>(() => KubectlJson.ObjectsFromJson(text)).Message);
}
