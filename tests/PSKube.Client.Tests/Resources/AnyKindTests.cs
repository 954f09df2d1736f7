using System.Text.Json;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Resources;

/// <summary>Get-KubeResource's logic: kinds as kubectl get takes them (aliases, comma lists, all, custom resources), typed or Table-backed objects.</summary>
public sealed class AnyKindTests
{
    // A custom resource in the all category, as some CRDs declare themselves.
    private static readonly ResourceDefinition Widgets = new(
        "example.com", "v1", "Widget", "widgets", "widget", true,
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], ["wd"], ["all"], []);

    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    [Fact]
    public async Task AnyKind_All_GivesTheTypedObjectsOfEveryKindKubectlGetAllShows()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync("/apis/apps/v1/namespaces/default/deployments", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two pods");
        var client = FakeClusterClient.For(cluster.Server);

        var objects = new List<KubeObject>();
        foreach (var resource in await client.Resources.ResolveListAsync(["all"], default))
        {
            objects.AddRange(await client.GetResourcesAsync(resource, "default", null, default));
        }

        Assert.Equal(2, objects.OfType<Pod>().Count());
        Assert.Equal("kubernetes", Assert.Single(objects.OfType<Service>()).Name);
        Assert.Equal("web", Assert.Single(objects.OfType<Deployment>()).Name);
        Assert.StartsWith("web-", Assert.Single(objects.OfType<ReplicaSet>()).Name, StringComparison.Ordinal);
        Assert.DoesNotContain(objects, o => o is KubeTableObject or GenericKubeObject);
        // kubectl prints kind after kind: pods first, then services, then the apps kinds.
        Assert.Equal(["Pod", "Service", "Deployment", "ReplicaSet"], objects.Select(o => o.Kind!).Distinct());
        Assert.All(objects, o => Assert.Equal("default", o.Namespace));
    }

    [Fact]
    public async Task AnyKind_CommaListsAndAliases_ResolveInTheOrderTyped_EachOnce_WithoutARequest()
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions());
        var trace = new List<string>();
        var client = FakeClusterClient.For(server, new KubeClientOptions { Trace = trace.Add });

        var resources = await client.Resources.ResolveListAsync(["deploy,svc", "deployments.apps", " po "], default);

        Assert.Equal(["deployments", "services", "pods"], resources.Select(r => r.Plural));
        Assert.Empty(trace);
    }

    [Fact]
    public async Task AnyKind_CustomResources_ComeBackWithTheTableColumnsAndTheWholeObject()
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions { ExtraResources = [Widgets] });
        var client = FakeClusterClient.For(server);
        var widget = new GenericKubeObject { Metadata = new ObjectMeta { Name = "gizmo", Labels = new() { ["size"] = "big" } } };
        widget.ExtensionData = new() { ["spec"] = JsonDocument.Parse("""{"size":3}""").RootElement };
        var resource = (await client.Resources.ResolveListAsync(["wd"], default)).Single();
        await client.CreateAsync(resource, widget, null, default);

        var listed = Assert.IsType<KubeTableObject>(Assert.Single(await client.GetResourcesAsync(resource, "default", new() { LabelSelector = "size=big" }, default)));
        var read = Assert.IsType<KubeTableObject>(await client.GetResourceAsync(resource, "default", "gizmo", default));

        foreach (var obj in new[] { listed, read })
        {
            Assert.Equal(("gizmo", "default", "Widget", "example.com/v1"), (obj.Name, obj.Namespace, obj.Kind, obj.ApiVersion));
            Assert.Equal(["Name", "Created At"], obj.ColumnNames);
            Assert.Equal("gizmo", obj.Columns["name"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string)obj.Columns["Created At"]!);
            Assert.Equal(3, obj.ExtensionData!["spec"].GetProperty("size").GetInt32());
            Assert.NotNull(obj.Age);
        }
        // It writes as the object it is: the cells are for display only.
        var yaml = KubeYaml.ToYaml(read);
        Assert.Contains("kind: Widget", yaml, StringComparison.Ordinal);
        Assert.Contains("size: 3", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("Created At", yaml, StringComparison.Ordinal);
        // A custom resource in the all category is part of all, as with kubectl.
        Assert.Contains(await client.Resources.ResolveListAsync(["all"], default), r => r.Plural == "widgets");
    }

    [Fact]
    public async Task AnyKind_KindsWithoutAModel_AreTableObjects_KindsWithOne_AreTyped()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync("/api/v1/namespaces/default/replicationcontrollers", """
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"legacy"},
             "spec":{"replicas":1,"selector":{"app":"legacy"},
                     "template":{"metadata":{"labels":{"app":"legacy"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 1, "the controller's pod");
        var client = FakeClusterClient.For(cluster.Server);
        var controllers = (await client.Resources.ResolveListAsync(["rc"], default)).Single();

        var legacy = Assert.IsType<KubeTableObject>(Assert.Single(await client.GetResourcesAsync(controllers, "default", null, default)));
        Assert.Equal(("legacy", "ReplicationController", "v1"), (legacy.Name, legacy.Kind, legacy.ApiVersion));
        Assert.Equal("legacy", legacy.Columns["Name"]);
        Assert.Equal(1, JsonSerializer.Deserialize<int>(legacy.ExtensionData!["spec"].GetProperty("replicas").GetRawText()));

        var pod = Assert.IsType<Pod>(Assert.Single(await client.GetResourcesAsync(Pods, null, null, default)));
        Assert.StartsWith("legacy-", pod.Name, StringComparison.Ordinal);
        Assert.IsType<Pod>(await client.GetResourceAsync(Pods, "default", pod.Name!, default));
    }

    [Fact]
    public async Task AnyKind_AMissingObject_IsNotFound()
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions());
        var client = FakeClusterClient.For(server);
        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetResourceAsync(Pods, "default", "nope", default));
        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData("pods,deploymnets", "deploymnets", "deployments")]
    [InlineData("pdos", "pdos", "pods")]
    [InlineData("replica", "replica", "replicasets")]
    [InlineData("gadgets", "gadgets", "widgets")]
    public async Task AnyKind_UnknownKinds_FailTheWhole_SuggestingCloseMatches(string typed, string unknown, string suggestion)
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions { ExtraResources = [Widgets] });
        var client = FakeClusterClient.For(server);

        var error = await Assert.ThrowsAsync<KubeResourceTypeNotFoundException>(() => client.Resources.ResolveListAsync([typed], default));

        Assert.Equal(unknown, error.ResourceType);
        Assert.Contains(suggestion, error.Suggestions);
        Assert.StartsWith($"the server doesn't have a resource type \"{unknown}\". Did you mean ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("configmaps", error.Suggestions);
    }

    [Fact]
    public async Task AnyKind_NoKind_IsRefusedBeforeAnyRequest()
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions());
        var client = FakeClusterClient.For(server);
        await Assert.ThrowsAsync<ArgumentException>(() => client.Resources.ResolveListAsync([" , "], default));
    }

    [Fact]
    public async Task AnyKind_ObjectsResolveByTheirApiVersionAndKind()
    {
        await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions { ExtraResources = [Widgets] });
        var client = FakeClusterClient.For(server);

        Assert.Equal("deployments", (await client.Resources.ResolveKindAsync("apps/v1", "Deployment", default)).Plural);
        Assert.Equal("pods", (await client.Resources.ResolveKindAsync("v1", "Pod", default)).Plural);
        Assert.Equal("widgets", (await client.Resources.ResolveKindAsync("example.com/v1", "Widget", default)).Plural);
        // The group matters: a Pod of another group is not a core Pod.
        await Assert.ThrowsAsync<KubeResourceTypeNotFoundException>(() => client.Resources.ResolveKindAsync("example.com/v1", "Pod", default));
    }
}
