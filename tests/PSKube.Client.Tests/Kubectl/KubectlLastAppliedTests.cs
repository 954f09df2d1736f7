using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The last-applied configuration (kubectl apply view-last-applied) read back from objects applied by PSKube
/// (server-side, manager pskube), by kubectl's client-side apply (the annotation) and by kubectl --server-side.
/// </summary>
public sealed class KubectlLastAppliedTests
{
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;

    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """;

    // What every way of applying must give back: the manifest's fields with their values, none the server added.
    private static void AssertIsTheManifest(JsonObject? applied)
    {
        Assert.NotNull(applied);
        Assert.Equal("apps/v1", (string?)applied["apiVersion"]);
        Assert.Equal("Deployment", (string?)applied["kind"]);
        Assert.Equal("web", (string?)applied["metadata"]!["name"]);
        Assert.Equal("web", (string?)applied["metadata"]!["labels"]!["app"]);
        Assert.Equal(2, (int?)applied["spec"]!["replicas"]);
        var container = applied["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.27", (string?)container["image"]);
        Assert.Equal(80, (int?)container["ports"]![0]!["containerPort"]);
        // Defaults the server filled in were never applied.
        Assert.Null(container["imagePullPolicy"]);
        Assert.Null(container["ports"]![0]!["protocol"]);
        Assert.Null(applied["spec"]!["strategy"]);
        Assert.Null(applied["status"]);
        Assert.Null(applied["metadata"]!["uid"]);
    }

    [KubectlFact]
    public async Task ByPSKube_TheFieldsItOwns_WithTheirValues()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var desired = (Deployment)KubeYaml.ObjectsFromYaml(Manifest)[0];

        var applied = await client.ApplyAsync(Deployments, desired, null, default);

        var configuration = LastAppliedConfiguration.Of(applied, WriteOptions.PSKubeFieldManager);
        AssertIsTheManifest(configuration);
        Assert.Equal("default", (string?)configuration!["metadata"]!["namespace"]);
        // kubectl's view-last-applied has nothing to show for it: the annotation is kubectl's own.
        var view = (await kubectl.RunAsync("apply", "view-last-applied", "deployment/web")).Succeeded();
        Assert.Equal("", view.Stdout.Trim());
    }

    [KubectlFact]
    public async Task ByKubectlClientSideApply_TheAnnotation_AsKubectlViewLastAppliedShowsIt()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var file = kubectl.WriteFile("web.yaml", Manifest);
        (await kubectl.RunAsync("apply", "-f", file)).Succeeded();

        var live = await client.GetAsync<Deployment>(Deployments, "default", "web", default);

        var configuration = LastAppliedConfiguration.Of(live, WriteOptions.PSKubeFieldManager);
        AssertIsTheManifest(configuration);
        var kubectlView = JsonNode.Parse((await kubectl.RunAsync("apply", "view-last-applied", "deployment/web", "-o", "json")).Succeeded().Stdout);
        Assert.True(JsonNode.DeepEquals(kubectlView, configuration), $"kubectl: {kubectlView}\nours: {configuration}");
    }

    [KubectlFact]
    public async Task ByKubectlServerSideApply_TheFieldsOfManagerKubectl()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var file = kubectl.WriteFile("web.yaml", Manifest);
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();

        var live = await client.GetAsync<Deployment>(Deployments, "default", "web", default);

        AssertIsTheManifest(LastAppliedConfiguration.Of(live, WriteOptions.PSKubeFieldManager));
        var typed = Assert.IsType<Deployment>(LastAppliedConfiguration.ObjectOf(live, WriteOptions.PSKubeFieldManager));
        Assert.Equal("nginx:1.27", typed.Spec!.Template!.Spec!.Containers![0].Image);
    }

    [Fact]
    public void NeverApplied_Nothing()
    {
        var created = new Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new ObjectMeta
            {
                Name = "web",
                ManagedFields = [new ManagedFieldsEntry { Manager = "kubectl-create", Operation = "Update", FieldsV1 = new FieldsV1("""{"f:spec":{"f:replicas":{}}}""") }],
            },
            Spec = new DeploymentSpec { Replicas = 1 },
        };

        Assert.Null(LastAppliedConfiguration.Of(created, WriteOptions.PSKubeFieldManager));
        Assert.Null(LastAppliedConfiguration.ObjectOf(created, WriteOptions.PSKubeFieldManager));
    }

    [Fact]
    public void ListItems_ByKey_ByValue_AndByIndex()
    {
        var live = new GenericKubeObject
        {
            ApiVersion = "example.com/v1",
            Kind = "Widget",
            Metadata = new ObjectMeta
            {
                Name = "w",
                ManagedFields =
                [
                    new ManagedFieldsEntry
                    {
                        Manager = "pskube",
                        Operation = "Apply",
                        FieldsV1 = new FieldsV1("""
                            {"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:protocol":{}}},
                             "f:finalizers":{"v:\"b\"":{}},"f:args":{"i:1":{}}}}
                            """),
                    },
                ],
            },
            ExtensionData = new()
            {
                ["spec"] = System.Text.Json.JsonDocument.Parse("""
                    {"ports":[{"port":80,"protocol":"TCP","name":"http"},{"port":443,"protocol":"TCP"}],
                     "finalizers":["a","b"],"args":["x","y","z"],"other":1}
                    """).RootElement.Clone(),
            },
        };

        var configuration = LastAppliedConfiguration.Of(live, "pskube")!;

        Assert.Equal("""{"ports":[{"port":80,"protocol":"TCP"}],"finalizers":["b"],"args":["y"]}""", configuration["spec"]!.ToJsonString());
    }
}
