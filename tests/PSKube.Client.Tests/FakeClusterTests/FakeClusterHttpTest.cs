using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The base of tests that speak to the fake API server over the wire: each test gets a fake cluster of its own and an
/// HTTP client that trusts it, both stopped after the test. Without options the kubelet is not simulated, so no pod
/// status changes come on top of what a test does.
/// </summary>
public abstract class FakeClusterHttpTest(FakeClusterOptions? options = null) : IAsyncLifetime
{
    protected FakeClusterServer Cluster { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await FakeClusterServer.StartAsync(options ?? new FakeClusterOptions { SimulateKubelet = false });
        Http = FakeClusterHttp.Client(Cluster);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }
}
