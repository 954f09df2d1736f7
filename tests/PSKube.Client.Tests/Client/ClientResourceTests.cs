using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>Resolving what users type into resource types: built-in ones offline, custom ones by discovery.</summary>
public sealed class ClientResourceTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Widgets = new(
        "example.com", "v1", "Widget", "widgets", "widget", true,
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], ["wd"], [], []);

    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;
    private readonly List<string> _trace = [];

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { ExtraResources = [Widgets] });
        _client = FakeClusterClient.For(_cluster, new Transport.KubeClientOptions { Trace = _trace.Add });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("po", "pods")]
    [InlineData("pods", "pods")]
    [InlineData("Pod", "pods")]
    [InlineData("pod", "pods")]
    [InlineData("deploy", "deployments")]
    [InlineData("deployments.apps", "deployments")]
    [InlineData("cj", "cronjobs")]
    [InlineData("svc", "services")]
    [InlineData("ns", "namespaces")]
    public async Task Resources_BuiltInNames_ResolveWithoutARequest(string typed, string plural)
    {
        var resource = await _client.Resources.ResolveAsync(typed, default);
        Assert.Equal(plural, resource.Plural);
        Assert.Empty(_trace);
    }

    [Fact]
    public async Task Resources_CustomKinds_ResolveByDiscovery_OnceForTheClient()
    {
        var byShortName = await _client.Resources.ResolveAsync("wd", default);
        var byKind = await _client.Resources.ResolveAsync("Widget", default);
        var qualified = await _client.Resources.ResolveAsync("widgets.example.com", default);
        Assert.All(new[] { byShortName, byKind, qualified }, r => Assert.Equal(("example.com", "v1", "widgets", true), (r.Group, r.Version, r.Plural, r.Namespaced)));
        Assert.Equal(2, _trace.Count(line => line.StartsWith("GET /api", StringComparison.Ordinal)));

        var widget = new GenericKubeObject { Metadata = new ObjectMeta { Name = "gizmo" } };
        widget.ExtensionData = new() { ["spec"] = System.Text.Json.JsonDocument.Parse("""{"size":3}""").RootElement };
        var created = await _client.CreateAsync(qualified, widget, null, default);
        Assert.Equal("example.com/v1", created.ApiVersion);
        Assert.Equal(3, created.ExtensionData!["spec"].GetProperty("size").GetInt32());
        var table = await _client.GetTableAsync(qualified, "default", null, default);
        Assert.Equal("gizmo", table.Rows.Single().Cells["Name"]);
    }

    [Fact]
    public async Task Resources_UnknownNames_SayWhatIsKnown()
    {
        var error = await Assert.ThrowsAsync<KubeResourceTypeNotFoundException>(() => _client.Resources.ResolveAsync("gadgets", default));
        Assert.StartsWith("the server doesn't have a resource type \"gadgets\"", error.Message);
        Assert.Contains("widgets", error.Message);
    }

    [Fact]
    public async Task Resources_TheAllCategory_IsWhatKubectlGetAllShows()
    {
        var all = await _client.Resources.CategoryAsync("all", default);
        Assert.Equal(
            ["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "cronjobs", "jobs"],
            all.Select(r => r.Plural));
    }

    [Fact]
    public async Task Version_ReportsTheServer()
    {
        var version = await _client.GetServerVersionAsync(default);
        Assert.Equal(("1", "32"), (version.Major, version.Minor));
        Assert.StartsWith("v1.32.", version.GitVersion);
    }

    [Fact]
    public async Task Connection_OneWarmConnectionServesManyCalls()
    {
        var before = _cluster.ConnectionCount;
        for (var i = 0; i < 20; i++)
        {
            await _client.GetServerVersionAsync(default);
            await _client.ListAllAsync<ConfigMap>(BuiltInResources.Find("configmaps")!, "default", null, default);
        }
        Assert.Equal(1, _cluster.ConnectionCount - before);
    }
}
