using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Manifests;

/// <summary>Objects to YAML as kubectl -o yaml writes it, and manifests back to typed objects.</summary>
public sealed class KubeYamlTests
{
    [Fact]
    public void Yaml_WritesBlockStyleInFieldOrder_QuotingStringsThatWouldChangeType()
    {
        var pod = new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta { Name = "web", Labels = new() { ["version"] = "1.0", ["enabled"] = "true", ["tier"] = "front" } },
            Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx:1.27", Args = ["--port", "8080"] }] },
        };
        var yaml = KubeYaml.ToYaml(pod);
        Assert.Equal("""
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                version: "1.0"
                enabled: "true"
                tier: front
              name: web
            spec:
              containers:
              - args:
                - --port
                - "8080"
                image: nginx:1.27
                name: nginx

            """.Replace("\r\n", "\n"), yaml.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Yaml_RoundTripsEveryDocument_KeepingUnknownFields()
    {
        const string manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              port: "8080"
            futureField:
              nested: true
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: gizmo
            spec:
              size: 3
            """;
        var objects = KubeYaml.ObjectsFromYaml(manifest);
        var configMap = Assert.IsType<ConfigMap>(objects[0]);
        Assert.Equal("8080", configMap.Data!["port"]);
        var widget = Assert.IsType<GenericKubeObject>(objects[1]);
        Assert.Equal(3, widget.ExtensionData!["spec"].GetProperty("size").GetInt32());

        var again = KubeYaml.ObjectsFromYaml(KubeYaml.ToYaml(objects));
        Assert.Equal(2, again.Count);
        Assert.True(again[0].ExtensionData!["futureField"].GetProperty("nested").GetBoolean());
        Assert.Equal("8080", ((ConfigMap)again[0]).Data!["port"]);
    }

    [Fact]
    public void Yaml_NullsAndNumbersKeepTheirTypes()
    {
        var node = JsonNode.Parse("""{"a":null,"b":1,"c":1.5,"d":"","e":"null","f":false}""");
        Assert.Equal("a: \nb: 1\nc: 1.5\nd: \"\"\ne: \"null\"\nf: false\n", KubeYaml.ToYaml(node).Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n", "line ")]
    [InlineData("just: a map\n", "document 1 is not a Kubernetes object")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers: 5\n", "document 1 (Pod) does not fit its schema")]
    public void Yaml_BadManifestsSayWhere(string yaml, string expected)
    {
        var error = Assert.Throws<YamlJsonException>(() => KubeYaml.ObjectsFromYaml(yaml));
        Assert.Contains(expected, error.Message);
    }
}
