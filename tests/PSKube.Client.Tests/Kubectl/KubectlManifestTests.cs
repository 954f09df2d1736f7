using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Manifests;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// Our YAML and JSON side by side with the real kubectl's: what we write kubectl reads back unchanged, and our JSON
/// is what kubectl get -o json prints.
/// </summary>
public sealed class KubectlManifestTests
{
    private const string Objects = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            app: web
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 80
            targetPort: 8080
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: token
        data:
          token: czNjcjN0
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: webcfg
        data:
          script: |
            echo <one> & <two>
        """;

    [KubectlFact]
    public async Task Yaml_EveryTrickyString_ComesBackFromKubectlApplyAsTheSameString()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var strings = TrickyStrings.All;
        var asValues = new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new ObjectMeta { Name = "values", Labels = strings.Select((text, i) => ($"l{i}", text)).ToDictionary() },
            Data = strings.Select((text, i) => ($"v{i}", text)).ToDictionary(),
        };
        var asKeys = new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new ObjectMeta { Name = "keys" },
            Data = strings.Select((text, i) => (text, $"v{i}")).ToDictionary(),
        };

        var values = await ApplyDryRunAsync(kubectl, asValues);
        var keys = await ApplyDryRunAsync(kubectl, asKeys);

        var changed = strings.Select((text, i) => (text, i))
            .Where(s => (string?)values["data"]![$"v{s.i}"] != s.text || (string?)values["metadata"]!["labels"]![$"l{s.i}"] != s.text || (string?)keys["data"]![s.text] != $"v{s.i}")
            .Select(s => $"{JsonValue.Create(s.text).ToJsonString()} came back as {values["data"]![$"v{s.i}"]?.ToJsonString() ?? "nothing"}")
            .ToList();
        Assert.True(changed.Count == 0, string.Join('\n', changed));
        Assert.Equal(strings.Count, keys["data"]!.AsObject().Count);
    }

    [KubectlFact]
    public async Task Json_IsWhatKubectlGetPrints_ByteForByte_OneObjectAsItselfSeveralAsAList()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("objects.yaml", Objects))).Succeeded();
        (await kubectl.RunAsync(["apply", "-f", "-"], KubeYaml.ToYaml(new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new ObjectMeta { Name = "tricky", Annotations = new() { ["note"] = "a\u2028b <c> \u00e9 \U0001F600" } },
            Data = TrickyStrings.All.Select((text, i) => ($"v{i}", text)).ToDictionary(),
        }))).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);

        foreach (var (plural, name) in new[] { ("services", "web"), ("secrets", "token"), ("configmaps", "webcfg"), ("configmaps", "tricky"), ("namespaces", "default") })
        {
            var resource = BuiltInResources.Find(plural)!;
            var expected = (await kubectl.RunAsync("get", plural, name, "-o", "json")).Succeeded().Stdout;
            var ours = await client.GetAsync<GenericKubeObject>(resource, resource.Namespaced ? "default" : null, name, default);
            var typed = await client.GetResourceAsync(resource, resource.Namespaced ? "default" : null, name, default);
            Assert.Equal(expected, KubectlJson.ToJson(ours));
            Assert.Equal(expected, KubectlJson.ToJson(typed));
            Assert.Equal(
                (await kubectl.RunAsync("get", plural, name, "-o", "json", "--show-managed-fields")).Succeeded().Stdout,
                KubectlJson.ToJson(typed, includeManagedFields: true));
        }

        var configMaps = BuiltInResources.Find("configmaps")!;
        var list = await client.GetResourcesAsync(configMaps, "default", null, default);
        Assert.True(list.Count > 1);
        Assert.Equal((await kubectl.RunAsync("get", "configmaps", "-o", "json")).Succeeded().Stdout, KubectlJson.ToJson(list));

        // A listing of one object, or of none, is a List too.
        (await kubectl.RunAsync("create", "namespace", "quiet")).Succeeded();
        Assert.Equal((await kubectl.RunAsync("get", "configmaps", "-n", "quiet", "-o", "json")).Succeeded().Stdout, KubectlJson.ToJson([], asList: true));
        (await kubectl.RunAsync("create", "configmap", "only", "-n", "quiet", "--from-literal=a=b")).Succeeded();
        var only = await client.GetResourcesAsync(configMaps, "quiet", null, default);
        Assert.Equal((await kubectl.RunAsync("get", "configmaps", "-n", "quiet", "-o", "json")).Succeeded().Stdout, KubectlJson.ToJson(only, asList: true));
    }

    [KubectlFact]
    public async Task Json_OfPodsAndDeployments_IsKubectlsLessTheNullsTheServerSends()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("run", "pinger", "--image", "alpine", "--", "ping", "127.0.0.1")).Succeeded();
        (await kubectl.RunAsync("create", "deployment", "web", "--image", "nginx", "--replicas", "2")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);

        foreach (var (plural, name) in new[] { ("pods", "pinger"), ("deployments", "web") })
        {
            var resource = BuiltInResources.Find(plural)!;
            // Controllers may still be writing the status: compare one version of the object as both read it.
            string expected, ours;
            var tries = 0;
            do
            {
                expected = (await kubectl.RunAsync("get", plural, name, "-o", "json")).Succeeded().Stdout;
                ours = KubectlJson.ToJson(await client.GetResourceAsync(resource, "default", name, default));
            }
            while (ResourceVersion(expected) != ResourceVersion(ours) && ++tries < 10);

            // The models do not keep a field the server sends as null (a condition's lastProbeTime, a template's
            // creationTimestamp): kubectl shows it, we leave it out.
            Assert.Equal(GoJsonWriter.Write(WithoutNulls(JsonNode.Parse(expected)), compress: false), ours);
        }
    }

    [KubectlFact]
    public async Task Yaml_LeavesOutManagedFieldsAsKubectlGetDoes_AndSaysTheSame()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("objects.yaml", Objects))).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);
        var service = await client.GetAsync<Service>(BuiltInResources.Find("services")!, "default", "web", default);
        Assert.NotEmpty(service.Metadata!.ManagedFields!);

        var kubectlYaml = (await kubectl.RunAsync("get", "service", "web", "-o", "yaml")).Succeeded().Stdout;
        Assert.DoesNotContain("managedFields", kubectlYaml);
        Assert.DoesNotContain("managedFields", KubeYaml.ToYaml(service));
        Assert.True(JsonNode.DeepEquals(YamlJson.ToJson(kubectlYaml), YamlJson.ToJson(KubeYaml.ToYaml(service))));

        var withFields = (await kubectl.RunAsync("get", "service", "web", "-o", "yaml", "--show-managed-fields")).Succeeded().Stdout;
        Assert.Contains("managedFields:", withFields);
        Assert.True(JsonNode.DeepEquals(YamlJson.ToJson(withFields), YamlJson.ToJson(KubeYaml.ToYaml(service, includeManagedFields: true))));
    }

    [KubectlFact]
    public async Task Json_KubectlsListReadsIntoTheObjectsTheServerHolds()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("objects.yaml", Objects))).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);

        var objects = KubectlJson.ObjectsFromJson((await kubectl.RunAsync("get", "services,secrets,configmaps", "-o", "json")).Succeeded().Stdout);

        Assert.Equal(["Service", "Service", "Secret", "ConfigMap"], objects.Select(o => o.Kind));
        var web = Assert.IsType<Service>(objects.Single(o => o.Name == "web"));
        Assert.Equal(8080, web.Spec!.Ports![0].TargetPort!.Value.IntValue);
        Assert.Equal(Convert.ToBase64String("s3cr3t"u8), Assert.IsType<Secret>(objects[2]).Data!["token"]);
        Assert.Equal("echo <one> & <two>\n", Assert.IsType<ConfigMap>(objects[3]).Data!["script"]);
        foreach (var obj in objects)
        {
            var resource = BuiltInResources.Find(obj.Kind!)!;
            Assert.Equal(KubectlJson.ToJson(await client.GetResourceAsync(resource, obj.Namespace, obj.Name!, default)), KubectlJson.ToJson(obj));
        }
    }

    private static string? ResourceVersion(string json) => (string?)JsonNode.Parse(json)!["metadata"]!["resourceVersion"];

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, value) in obj)
                {
                    WithoutNulls(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutNulls(item);
                }
                break;
        }
        return node;
    }

    // kubectl's own reading of a manifest we wrote: a client dry run prints the object it would send.
    private static async Task<JsonNode> ApplyDryRunAsync(KubectlRunner kubectl, KubeObject obj)
    {
        var result = (await kubectl.RunAsync(["apply", "--dry-run=client", "-f", "-", "-o", "json"], KubeYaml.ToYaml(obj))).Succeeded();
        return JsonNode.Parse(result.Stdout)!;
    }
}
