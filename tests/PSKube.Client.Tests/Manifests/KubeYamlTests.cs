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
        Assert.Equal("a: null\nb: 1\nc: 1.5\nd: \"\"\ne: \"null\"\nf: false\n", KubeYaml.ToYaml(node));
    }

    [Theory]
    [MemberData(nameof(TrickyStrings.Each), MemberType = typeof(TrickyStrings))]
    public void Yaml_QuotesEveryStringAReaderWouldTakeForAnotherType_AndReadsItBack(string text)
    {
        var yaml = KubeYaml.ToYaml(new JsonObject { [text] = text });
        var value = yaml[(yaml.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        if (YamlStringQuoting.NeedsQuotes(text))
        {
            Assert.StartsWith("\"", value);
        }
        var back = YamlJson.ToJson(yaml)!.AsObject();
        Assert.Equal(text, Assert.Single(back).Key);
        Assert.Equal(text, (string?)back[text]);
    }

    [Theory]
    [InlineData("yes"), InlineData("No"), InlineData("ON"), InlineData("y"), InlineData("N"), InlineData("~"), InlineData("NULL")]
    [InlineData("0755"), InlineData("08"), InlineData("1_000"), InlineData("0b1010"), InlineData("0o17"), InlineData("0x1F"), InlineData("-0x1F")]
    [InlineData("1e3"), InlineData(".5"), InlineData("1."), InlineData(".inf"), InlineData("-.Inf"), InlineData(".NaN")]
    [InlineData("1:20"), InlineData("2001-12-14"), InlineData("2001-12-14T21:59:43Z"), InlineData(""), InlineData(" x"), InlineData("x ")]
    public void Quoting_TakesYaml11AndGoYamlTypesForWhatTheyAre(string text) => Assert.True(YamlStringQuoting.NeedsQuotes(text));

    [Theory]
    [InlineData("web"), InlineData("1.2.3"), InlineData("v1"), InlineData("--port"), InlineData("nginx:1.27"), InlineData("a:b"), InlineData("yesterday")]
    [InlineData("0x"), InlineData("1e"), InlineData("Infinity"), InlineData("2001-12"), InlineData("http://x/y"), InlineData("a\nb"), InlineData("a\n")]
    public void Quoting_LeavesOrdinaryStringsPlain(string text) => Assert.False(YamlStringQuoting.NeedsQuotes(text));

    [Fact]
    public void Yaml_WritesTextWithLineBreaksAsALiteralBlock_AndEmptyCollectionsInFlowStyle()
    {
        var node = JsonNode.Parse("""{"script":"echo one\necho two\n","volumes":[{"emptyDir":{}}],"args":[]}""");
        Assert.Equal("script: |\n  echo one\n  echo two\nvolumes:\n- emptyDir: {}\nargs: []\n", KubeYaml.ToYaml(node));
    }

    [Fact]
    public void Yaml_LeavesManagedFieldsOutUnlessAsked_AsKubectlGet()
    {
        var configMap = new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new ObjectMeta { Name = "settings", ManagedFields = [new ManagedFieldsEntry { Manager = "kubectl-create", Operation = "Update" }] },
        };
        Assert.Equal("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n", KubeYaml.ToYaml(configMap));
        Assert.Contains("  managedFields:\n  - manager: kubectl-create\n    operation: Update\n", KubeYaml.ToYaml(configMap, includeManagedFields: true));
        Assert.NotNull(configMap.Metadata.ManagedFields);
    }

    [Fact]
    public void Yaml_SeveralObjectsAreOneTextOfDocuments()
    {
        var objects = new KubeObject[]
        {
            new ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "one" } },
            new ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "two" } },
        };
        Assert.Equal(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n",
            KubeYaml.ToYaml(objects));
    }

    [Fact]
    public void Yaml_ReadsAListAsItsItems_AsKubectlApply()
    {
        const string manifest = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: one
            - apiVersion: v1
              kind: Service
              metadata:
                name: two
            """;
        var objects = KubeYaml.ObjectsFromYaml(manifest);
        Assert.Equal([("ConfigMap", "one"), ("Service", "two")], objects.Select(o => (o.Kind, o.Name)));
        Assert.IsType<Service>(objects[1]);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n", "line ")]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n", "item 1 of document 1 (List) is not a Kubernetes object")]
    [InlineData("just: a map\n", "document 1 is not a Kubernetes object")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers: 5\n", "line 4, column 15: document 1 (Pod): spec.containers: expected a list, got a number (5)")]
    public void Yaml_BadManifestsSayWhere(string yaml, string expected)
    {
        var error = Assert.Throws<ManifestException>(() => KubeYaml.ObjectsFromYaml(yaml));
        Assert.Contains(expected, error.Message);
    }
}
