using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>Objects of a manifest created one by one against the fake cluster, as kubectl create -f does.</summary>
public sealed class ClientManifestCreateTests : IAsyncLifetime
{
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<(KubeObject? Created, KubeApiException? Error)> CreateAsync(KubeObject obj, WriteOptions? options = null)
    {
        var resource = await _client.Resources.ResolveKindAsync(obj.ApiVersion, obj.Kind!, default);
        ManifestNamespace.Resolve(obj, resource.Namespaced, null, _client.DefaultNamespace);
        try
        {
            return (await _client.CreateResourceAsync(resource, obj, options, default), null);
        }
        catch (KubeApiException e)
        {
            return (null, e);
        }
    }

    [Fact]
    public async Task EachDocumentIsCreatedTyped_GenerateNameGivesANewNameEachTime_AndAnExistingOneIsRefusedAlone()
    {
        var documents = ManifestSource.ReadText("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: nginx, image: nginx}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {generateName: job-config-}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {generateName: job-config-}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, namespace: ignored}
            """, "app.yaml");

        var results = new List<(KubeObject? Created, KubeApiException? Error)>();
        foreach (var document in documents)
        {
            results.Add(await CreateAsync(document.Object!));
        }

        var deployment = Assert.IsType<Deployment>(results[0].Created);
        Assert.Equal("default", deployment.Namespace);
        var generated = results.Skip(1).Take(2).Select(r => Assert.IsType<ConfigMap>(r.Created).Name!).ToList();
        Assert.All(generated, name => Assert.Matches("^job-config-[a-z0-9]{5}$", name));
        Assert.NotEqual(generated[0], generated[1]);
        Assert.Equal("AlreadyExists", results[3].Error?.Reason);
        Assert.Equal("deployments.apps \"web\" already exists", results[3].Error!.Message);
        var ns = Assert.IsType<Namespace>(results[4].Created);
        Assert.Null(ns.Namespace);
    }

    [Fact]
    public async Task DryRun_CreatesNothing_ButTheServerStillRefusesWhatItWould()
    {
        var configMap = ManifestSource.ReadText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n")[0].Object!;

        var (dryRun, _) = await CreateAsync(configMap, new WriteOptions { DryRun = true });
        Assert.Equal("settings", dryRun?.Name);
        Assert.Null(await _client.FindAsync<ConfigMap>(BuiltInResources.Find("configmaps")!, "default", "settings", default));

        var invalid = ManifestSource.ReadText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Not_Valid}\n")[0].Object!;
        var (_, refusal) = await CreateAsync(invalid, new WriteOptions { DryRun = true });
        Assert.Equal("Invalid", refusal?.Reason);
    }
}
