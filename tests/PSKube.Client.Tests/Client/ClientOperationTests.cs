using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>KubeClient's operations against the fake cluster over HTTPS.</summary>
public sealed class ClientOperationTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition ConfigMaps = BuiltInResources.Find("configmaps")!;
    private static readonly ResourceDefinition Services = BuiltInResources.Find("services")!;
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;
    private readonly List<string> _trace = [];
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        // The API semantics alone: no kubelet moves the pods these tests create along.
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        _client = FakeClusterClient.For(_cluster, new KubeClientOptions { Trace = line => { lock (_trace) { _trace.Add(line); } } });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Get_ReturnsTheTypedObject_AndNotFoundIsAStatusError()
    {
        var node = await _client.GetAsync<Node>(BuiltInResources.Find("nodes")!, null, "fake-node-1", default);
        Assert.Equal("fake-node-1", node.Name);
        Assert.Equal("4", node.Capacity["cpu"]);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetAsync<Pod>(Pods, "default", "missing", default));
        Assert.True(error.IsNotFound);
        Assert.Equal("NotFound", error.Reason);
        Assert.Equal("pods \"missing\" not found", error.Message);
        Assert.Null(await _client.FindAsync<Pod>(Pods, null, "missing", default));
    }

    [Fact]
    public async Task Page_ListsMoreThan500Objects_InPagesOf500()
    {
        Seed(1203);
        _trace.Clear();
        var names = new List<string>();
        await foreach (var configMap in _client.ListAsync<ConfigMap>(ConfigMaps, "default"))
        {
            names.Add(configMap.Name!);
            Assert.Equal("ConfigMap", configMap.Kind);
            Assert.Equal("v1", configMap.ApiVersion);
        }
        Assert.Equal(1203, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(3, _trace.Count(line => line.StartsWith("GET /api/v1/namespaces/default/configmaps", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_LargeResponsesArriveGzipped_AndAreReadAsTheyStream()
    {
        Seed(600, payload: new string('x', 1024));
        using var raw = FakeClusterTests.FakeClusterHttp.Client(_cluster);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?limit=500");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await raw.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));

        var count = 0;
        await foreach (var configMap in _client.ListAsync<ConfigMap>(ConfigMaps, "default"))
        {
            Assert.Equal(1024, configMap.Data!["payload"].Length);
            count++;
        }
        Assert.Equal(600, count);
    }

    [Fact]
    public async Task Page_AnExpiredContinueToken_ListsAgainWithoutRepeating()
    {
        Seed(5);
        var names = new List<string>();
        await foreach (var configMap in _client.ListAsync<ConfigMap>(ConfigMaps, "default", new ListOptions { PageSize = 2 }))
        {
            names.Add(configMap.Name!);
            if (names.Count == 2)
            {
                // The next page's continue token is now older than the server keeps.
                _cluster.Clock.Advance(TimeSpan.FromMinutes(6));
            }
        }
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"seed-{i:D4}"), names);
    }

    [Fact]
    public async Task Create_Replace_Patch_AndDryRun()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "web", Labels = new() { ["app"] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx" }] },
        };
        var created = await _client.CreateAsync(Pods, pod, null, default);
        Assert.Equal("default", created.Namespace);
        Assert.NotNull(created.Metadata!.Uid);
        Assert.Equal("pskube", created.Metadata.ManagedFields![0].Manager);

        created.Metadata.Labels!["tier"] = "front";
        var replaced = await _client.ReplaceAsync(Pods, created, null, default);
        Assert.Equal("front", replaced.Metadata!.Labels!["tier"]);

        var stale = await Assert.ThrowsAsync<KubeApiException>(() => _client.ReplaceAsync(Pods, created, null, default));
        Assert.True(stale.IsConflict);

        var patched = await _client.PatchAsync<Pod>(Pods, null, "web", PatchKind.Merge, JsonNode.Parse("""{"metadata":{"labels":{"tier":null}}}""")!, null, default);
        Assert.False(patched.Metadata!.Labels!.ContainsKey("tier"));

        var ghost = await _client.CreateAsync(ConfigMaps, new ConfigMap { Metadata = new ObjectMeta { Name = "ghost" } }, new WriteOptions { DryRun = true }, default);
        Assert.Equal("ghost", ghost.Name);
        Assert.Null(await _client.FindAsync<ConfigMap>(ConfigMaps, null, "ghost", default));
    }

    [Fact]
    public async Task Apply_CreatesThenReportsConflictsWithTheirManagers_UnlessForced()
    {
        ConfigMap Desired(string value) => new() { Metadata = new ObjectMeta { Name = "settings" }, Data = new() { ["mode"] = value } };
        var created = await _client.ApplyAsync(ConfigMaps, Desired("fast"), null, default);
        Assert.Equal("fast", created.Data!["mode"]);
        Assert.Contains(created.Metadata!.ManagedFields!, f => f.Manager == "pskube" && f.Operation == "Apply");

        var conflict = await Assert.ThrowsAsync<KubeApplyConflictException>(() =>
            _client.ApplyAsync(ConfigMaps, Desired("slow"), new ApplyOptions { FieldManager = "someone-else" }, default));
        Assert.Equal([(".data.mode", "pskube")], conflict.Conflicts);
        Assert.Contains("conflict", conflict.Message, StringComparison.Ordinal);

        var forced = await _client.ApplyAsync(ConfigMaps, Desired("slow"), new ApplyOptions { FieldManager = "someone-else", Force = true }, default);
        Assert.Equal("slow", forced.Data!["mode"]);
    }

    [Fact]
    public async Task Apply_UnknownFieldsSurviveGetModifyApply()
    {
        var raw = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"future","namespace":"default","uid":"u-1"},"data":{"a":"1"},
             "futureField":{"nested":true},"immutable":false}
            """)!;
        _cluster.Store.Add(ConfigMaps, raw.AsObject());
        var fetched = await _client.GetAsync<ConfigMap>(ConfigMaps, null, "future", default);
        Assert.True(fetched.ExtensionData!.ContainsKey("futureField"));
        fetched.Data!["b"] = "2";
        var applied = await _client.ApplyAsync(ConfigMaps, fetched, new ApplyOptions { Force = true }, default);
        Assert.Equal("2", applied.Data!["b"]);
        Assert.True(applied.ExtensionData!["futureField"].GetProperty("nested").GetBoolean());
    }

    [Fact]
    public async Task Delete_HandlesBothAnswers_ObjectAndStatus()
    {
        await _client.CreateAsync(Pods, new Pod { Metadata = new ObjectMeta { Name = "slow" }, Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] } }, null, default);
        var pending = await _client.DeleteAsync<Pod>(Pods, null, "slow", new Operations.DeleteOptions { GracePeriodSeconds = 30 }, default);
        Assert.True(pending.IsPending);
        Assert.Equal("slow", pending.Object!.Name);

        await _client.CreateAsync(Services, new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Ports = [new ServicePort { Port = 80 }] } }, null, default);
        var gone = await _client.DeleteAsync<Service>(Services, null, "web", null, default);
        Assert.Null(gone.Object);
        Assert.Equal("Success", gone.Status!.StatusValue);

        var forced = await _client.DeleteAsync<Pod>(Pods, null, "slow", new Operations.DeleteOptions { Force = true }, default);
        Assert.False(forced.IsPending);
        Assert.Null(await _client.FindAsync<Pod>(Pods, null, "slow", default));
    }

    [Fact]
    public async Task DeleteCollection_ReturnsTheDeletedObjects()
    {
        Seed(3);
        var deleted = await _client.DeleteCollectionAsync<ConfigMap>(ConfigMaps, "default", null, null, default);
        Assert.Equal(3, deleted.Count);
        Assert.Empty(await _client.ListAllAsync<ConfigMap>(ConfigMaps, "default", null, default).ContinueWith(t => t.Result.Items));
    }

    [Fact]
    public async Task Scale_GetsAndSetsReplicas()
    {
        var deployment = JsonSerializer.Deserialize("""
            {"metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
             "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}
            """, KubeJson.TypeInfo<Deployment>())!;
        await _client.CreateAsync(Deployments, deployment, null, default);
        Assert.Equal(1, (await _client.GetScaleAsync(Deployments, null, "web", default)).Spec!.Replicas);
        var scaled = await _client.SetScaleAsync(Deployments, null, "web", 4, null, default);
        Assert.Equal(4, scaled.Spec!.Replicas);
        Assert.Equal("app=web", scaled.Status!.Selector);
        Assert.Equal(4, (await _client.GetAsync<Deployment>(Deployments, null, "web", default)).Spec!.Replicas);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = _client.SetScaleAsync(Deployments, null, "web", -1, null, default); });
    }

    [Fact]
    public async Task Table_ReturnsNamedCellsAndTheObject()
    {
        await _client.CreateAsync(Pods, new Pod { Metadata = new ObjectMeta { Name = "tabled" }, Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox" }] } }, null, default);
        var table = await _client.GetTableAsync(Pods, "default", null, default);
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"], table.Columns.Select(c => c.Name));
        var row = Assert.Single(table.Rows);
        Assert.Equal("tabled", row.Cells["name"]);
        Assert.Equal("Pending", row.Cells["Status"]);
        Assert.Equal("0/1", row.Cells["Ready"]);
        Assert.Equal("Pod", (string?)row.Object!["kind"]);
    }

    private void Seed(int count, string? payload = null)
    {
        for (var i = 0; i < count; i++)
        {
            var configMap = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = $"seed-{i:D4}", ["namespace"] = "default", ["uid"] = Guid.NewGuid().ToString() },
            };
            if (payload is not null)
            {
                configMap["data"] = new JsonObject { ["payload"] = payload };
            }
            _cluster.Store.Add(ConfigMaps, configMap);
        }
    }
}
