using System.Net;
using PSKube.Client.Auth;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Auth;

public sealed class TokenCredentialsTests(AuthClusterFixture fixture) : IClassFixture<AuthClusterFixture>, IDisposable
{
    private static readonly DateTime Written = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly KubeconfigTestFolder _folder = new();

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    public async Task BearerToken_IsSentAsAuthorizationHeader(bool known, HttpStatusCode expected)
    {
        var credentials = new BearerTokenCredentials(known ? fixture.Cluster.Token : "unknown-token");

        Assert.Equal(expected, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
        Assert.DoesNotContain(fixture.Cluster.Token, credentials.CacheKey + credentials, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFile_RotatedBetweenCalls_IsReadAgain()
    {
        var path = _folder.Write("token", "first\n");
        var credentials = new TokenFileCredentials(path, "user \"u\"");

        Assert.Equal("Bearer first", await HeaderAsync(credentials));
        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, Written);
        Assert.Equal("Bearer second", await HeaderAsync(credentials));
    }

    [Fact]
    public async Task TokenFile_IsReadAgainAfterAMinute_EvenWhenItsTimeDidNotChange()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var path = WriteWithFixedTime("first");
        var credentials = new TokenFileCredentials(path, "user \"u\"", timeProvider: time);
        Assert.Equal("Bearer first", await HeaderAsync(credentials));

        WriteWithFixedTime("second");
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("Bearer first", await HeaderAsync(credentials));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Bearer second", await HeaderAsync(credentials));
    }

    [Fact]
    public async Task TokenFile_After401_IsReadAgainAtOnce_AndTheRetrySucceeds()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var path = WriteWithFixedTime("expired-token");
        var credentials = new TokenFileCredentials(path, "user \"u\"", timeProvider: time);
        Assert.Equal(HttpStatusCode.Unauthorized, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));

        WriteWithFixedTime(fixture.Cluster.Token);

        Assert.Equal(HttpStatusCode.OK, await CredentialsHttp.GetWithRetryAsync(fixture.Cluster, credentials));
        Assert.False(await credentials.RefreshAfterUnauthorizedAsync(CancellationToken.None), "the same token again is not worth a retry");
    }

    [Fact]
    public async Task TokenFile_Unreadable_NamesTheFileAndOwner_AndKeepsTheLastGoodToken()
    {
        var path = _folder.File("missing-token");
        var missing = new TokenFileCredentials(path, "user \"u\" (in /x/config)");
        var error = await Assert.ThrowsAsync<KubeAuthException>(async () => await HeaderAsync(missing));
        Assert.StartsWith($"cannot read the token file {path} of user \"u\" (in /x/config)", error.Message, StringComparison.Ordinal);

        _folder.Write("missing-token", "good");
        var credentials = new TokenFileCredentials(path, "user \"u\"");
        Assert.Equal("Bearer good", await HeaderAsync(credentials));
        File.Delete(path);
        Assert.Equal("Bearer good", await HeaderAsync(credentials));
    }

    private string WriteWithFixedTime(string token)
    {
        var path = _folder.Write("token", token);
        File.SetLastWriteTimeUtc(path, Written);
        return path;
    }

    private static async Task<string> HeaderAsync(IKubeCredentials credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://127.0.0.1/");
        await credentials.ApplyAsync(request, CancellationToken.None);
        return request.Headers.Authorization!.ToString();
    }

    public void Dispose() => _folder.Dispose();
}
