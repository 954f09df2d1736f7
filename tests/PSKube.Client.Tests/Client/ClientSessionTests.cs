using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

/// <summary>The session cache: one client per kubeconfig and context, one warm connection per cluster and user.</summary>
public sealed class ClientSessionTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Nodes = BuiltInResources.Find("nodes")!;
    private readonly string _folder = Directory.CreateTempSubdirectory("pskube-session-").FullName;
    private FakeClusterServer _cluster = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _kubeconfig = Path.Combine(_folder, "config");
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { KubeconfigPath = _kubeconfig });
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private KubeSessionCache NewCache() =>
        new(loader: () => new KubeConfigLoader { KubeconfigVariable = _kubeconfig, HomeDirectory = _folder });

    [Fact]
    public async Task Session_ReusesTheClientAndItsConnectionAcrossCalls()
    {
        using var sessions = NewCache();
        var before = _cluster.ConnectionCount;
        for (var i = 0; i < 10; i++)
        {
            var client = sessions.GetClient();
            Assert.Equal("fake", client.Context.ContextName);
            Assert.Equal("fake-node-1", (await client.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);
        }
        Assert.Same(sessions.GetClient(), sessions.GetClient());
        Assert.Equal(1, _cluster.ConnectionCount - before);
    }

    [Fact]
    public async Task Session_FollowsTheCurrentContextWhenTheKubeconfigChanges()
    {
        using var sessions = NewCache();
        var byCertificate = sessions.GetClient();
        Assert.Equal("fake-admin", byCertificate.Context.UserName);

        KubeConfigEditor.UseContext(KubeConfig.Load(_kubeconfig), "fake-token");
        var byToken = sessions.GetClient();
        Assert.NotSame(byCertificate, byToken);
        Assert.Equal("fake-token", byToken.Context.ContextName);
        Assert.Equal("fake-node-1", (await byToken.GetAsync<Node>(Nodes, null, "fake-node-1", default)).Name);

        var named = sessions.GetClient(contextName: "fake");
        Assert.Equal("fake-admin", named.Context.UserName);
    }

    [Fact]
    public void Session_KeepsItsClientWhileTheKubeconfigIsUnchanged_AndReplacesItAfterAnEdit()
    {
        using var sessions = NewCache();
        var first = sessions.GetClient();

        File.SetLastWriteTimeUtc(_kubeconfig, DateTime.UtcNow.AddSeconds(5));
        Assert.Same(first, sessions.GetClient());

        KubeConfigEditor.SetContextNamespace(KubeConfig.Load(_kubeconfig), "fake", "elsewhere");
        var edited = sessions.GetClient();
        Assert.NotSame(first, edited);
        Assert.Equal("elsewhere", edited.DefaultNamespace);
        Assert.Same(edited, sessions.GetClient());
    }

    [Fact]
    public void Session_AnUnknownContextSaysWhichExist()
    {
        using var sessions = NewCache();
        var error = Assert.Throws<KubeConfigException>(() => sessions.GetClient(contextName: "prod"));
        Assert.Contains("context \"prod\" not found", error.Message);
        Assert.Contains("fake-token", error.Message);
    }
}
