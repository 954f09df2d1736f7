using System.Net;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Auth;

public sealed class BasicCredentialsTests(AuthClusterFixture fixture) : IClassFixture<AuthClusterFixture>, IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    [Theory]
    [InlineData(AuthClusterFixture.BasicPassword, HttpStatusCode.OK)]
    [InlineData("wrong password", HttpStatusCode.Unauthorized)]
    public async Task UsernameAndPassword_AreSentAsBasicAuthentication(string password, HttpStatusCode expected)
    {
        var credentials = new BasicCredentials(AuthClusterFixture.BasicUser, password);

        Assert.Equal(expected, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
        Assert.DoesNotContain(password, credentials.CacheKey + credentials, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenAndPassword_Together_AreRejectedLikeClientGo()
    {
        var path = _folder.Write("config", """
            clusters: [{name: c, cluster: {server: "https://c.example"}}]
            users: [{name: u, user: {token: secret-token, username: admin, password: secret-password}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """);

        var error = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x"));

        Assert.Contains("more than one authentication method", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azure", "kubelogin")]
    [InlineData("gcp", "gke-gcloud-auth-plugin")]
    [InlineData("oidc", "int128/kubelogin")]
    public void RemovedAuthProviders_NameThePluginToUseInstead(string provider, string plugin)
    {
        var path = _folder.Write("config", $$$"""
            clusters: [{name: c, cluster: {server: "https://c.example"}}]
            users:
            - name: u
              user:
                auth-provider: {name: {{{provider}}}, config: {access-token: secret-access}}
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """);

        var error = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x"));

        Assert.Contains(plugin, error.Message, StringComparison.Ordinal);
        Assert.Contains($"user \"u\" (in {path})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-access", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
