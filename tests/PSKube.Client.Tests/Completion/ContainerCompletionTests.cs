using System.Text.Json.Nodes;
using PSKube.Client.Completion;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Completion;

public sealed class ContainerCompletionTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        // Pods stay as written: no kubelet moves them on.
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        _client = Client.FakeClusterClient.For(_cluster);
        _cluster.Store.Add(BuiltInResources.Find("namespaces")!, JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}""")!.AsObject());
        _cluster.Store.Add(Pods, Pod("web-1", "web", """[{"name":"setup","image":"busybox"}]""", """[{"name":"nginx","image":"nginx"},{"name":"sidecar","image":"busybox"}]"""));
        _cluster.Store.Add(Pods, Pod("db-1", "db", "[]", """[{"name":"postgres","image":"postgres"}]"""));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Containers_OfTheNamedPod_InitContainersFirst() =>
        Assert.Equal(["setup", "nginx", "sidecar"], await ContainerCompletion.NamesAsync(_client, "team-a", ["web-1"], null, null, default));

    [Fact]
    public async Task Containers_OfPodsNamedAsKindSlashName_AndMissingPodsOfferNothing()
    {
        Assert.Equal(["postgres"], await ContainerCompletion.NamesAsync(_client, "team-a", ["pod/db-1", "missing"], null, null, default));
        Assert.Empty(await ContainerCompletion.NamesAsync(_client, "default", ["web-1"], null, null, default));
    }

    [Fact]
    public async Task Containers_OfEveryPodInTheNamespace_NarrowedBySelectorOrWildcardFilter()
    {
        Assert.Equal(["nginx", "postgres", "setup", "sidecar"], (await ContainerCompletion.NamesAsync(_client, "team-a", [], null, null, default)).Order(StringComparer.Ordinal));
        Assert.Equal(["postgres"], await ContainerCompletion.NamesAsync(_client, "team-a", [], "app=db", null, default));
        Assert.Equal(["setup", "nginx", "sidecar"], await ContainerCompletion.NamesAsync(_client, "team-a", [], null, name => name.StartsWith("web", StringComparison.Ordinal), default));
        Assert.Equal(4, (await ContainerCompletion.NamesAsync(_client, null, [], null, null, default)).Count);
    }

    [Fact]
    public async Task Containers_OfAWorkloadsPodTemplate_CronJobsToo()
    {
        _cluster.Store.Add(BuiltInResources.Find("cronjobs")!, JsonNode.Parse("""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly","namespace":"team-a"},
             "spec":{"schedule":"0 0 * * *","suspend":true,"jobTemplate":{"spec":{"template":{"spec":{
               "restartPolicy":"Never","initContainers":[{"name":"fetch","image":"busybox"}],"containers":[{"name":"report","image":"busybox"}]}}}}}}
            """)!.AsObject());
        _cluster.Store.Add(BuiltInResources.Find("deployments")!, JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"team-a"},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"api"}},"template":{"metadata":{"labels":{"app":"api"}},
               "spec":{"containers":[{"name":"api","image":"nginx"}]}}}}
            """)!.AsObject());

        Assert.Equal(["fetch", "report"], await ContainerCompletion.NamesAsync(_client, "team-a", ["cj/nightly"], null, null, default));
        Assert.Equal(["api"], await ContainerCompletion.NamesAsync(_client, "team-a", ["deploy/api"], null, null, default));
        Assert.Empty(await ContainerCompletion.NamesAsync(_client, "team-a", ["svc/kubernetes"], null, null, default));
    }

    private static JsonObject Pod(string name, string app, string initContainers, string containers) =>
        JsonNode.Parse($$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"team-a","labels":{"app":"{{{app}}}"}},
             "spec":{"initContainers":{{{initContainers}}},"containers":{{{containers}}}}}
            """)!.AsObject();
}
