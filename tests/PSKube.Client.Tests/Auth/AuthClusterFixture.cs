using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Auth;

/// <summary>One fake cluster shared by a test class's over-the-wire checks, with a Basic user.</summary>
public sealed class AuthClusterFixture : IAsyncLifetime
{
    public const string BasicUser = "basic-admin";
    public const string BasicPassword = "correct horse battery staple";

    public FakeClusterServer Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions
    {
        BasicUsers = new Dictionary<string, string> { [BasicUser] = BasicPassword },
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
