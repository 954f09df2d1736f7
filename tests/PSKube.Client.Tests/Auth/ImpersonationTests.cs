using System.Net;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Config;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Auth;

/// <summary>A kubeconfig user's as, as-uid, as-groups and as-user-extra: the headers on the wire and what the fake cluster makes of them.</summary>
public sealed class ImpersonationTests : IAsyncLifetime, IDisposable
{
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;
    private readonly KubeconfigTestFolder _folder = new();
    private readonly KubeSessionCache _sessions;
    private FakeClusterServer _cluster = null!;
    private string _path = "";

    public ImpersonationTests() => _sessions = new KubeSessionCache(loader: () => new KubeConfigLoader { HomeDirectory = _folder.Path });

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync();
        _path = _folder.Write("config", ImpersonationKubeconfig.Text(_cluster));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose()
    {
        _sessions.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("scopes", "scopes")]
    [InlineData("example.com/team", "example.com%2Fteam")]
    [InlineData("Ünï %x", "%C3%9Cn%C3%AF%20%25x")]
    [InlineData("a!#$&'*+-.^_`|~z", "a!#$&'*+-.^_`|~z")]
    [InlineData("k=v;(x)", "k%3Dv%3B%28x%29")]
    public void ExtraKey_IsEscapedForAHeaderName_AsClientGoEscapesIt(string key, string expected) =>
        Assert.Equal(expected, Impersonation.EscapeExtraKey(key));

    [Fact]
    public void RepeatedHeaders_AreRenamedBack_InTheRequestHeadOnly()
    {
        var head = "GET /api HTTP/1.1\r\nImpersonate-Group: a\r\nPSKube-Repeat-1-Impersonate-Group: b, c\r\nPSKube-Repeat-x: y\r\n\r\n";
        var body = "PSKube-Repeat-2-Keep: this\r\n\r\n";

        var rewritten = RepeatedHeaderStream.Rewrite(System.Text.Encoding.ASCII.GetBytes(head + body));

        Assert.Equal("GET /api HTTP/1.1\r\nImpersonate-Group: a\r\nImpersonate-Group: b, c\r\nPSKube-Repeat-x: y\r\n\r\n" + body, System.Text.Encoding.ASCII.GetString(rewritten!));
        Assert.Null(RepeatedHeaderStream.Rewrite(System.Text.Encoding.ASCII.GetBytes("body\r\nPSKube-Repeat-1-X: y\r\n\r\n")));
        Assert.Null(RepeatedHeaderStream.Rewrite(System.Text.Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: h\r\n\r\n")));
        Assert.Equal(["Impersonate-Group", "PSKube-Repeat-1-Impersonate-Group"], new[] { RepeatedHeaderStream.NameFor("Impersonate-Group", 0), RepeatedHeaderStream.NameFor("Impersonate-Group", 1) });
    }

    [Fact]
    public async Task AsFields_AreSentAsKubectlsHeaders_OnEveryRequest()
    {
        var client = _sessions.GetClient(_path, ImpersonationKubeconfig.ImpersonatingContext);

        await client.ListAllAsync<Namespace>(Namespaces, null, null, default);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var _ in client.WatchAsync<Namespace>(Namespaces, null, null, timeout: TimeSpan.FromSeconds(1), cancellationToken: stop.Token))
        {
            break;
        }

        var received = _cluster.Faults.RecentImpersonations;
        Assert.Contains(received, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v1/namespaces", StringComparison.Ordinal) && !r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal));
        Assert.Contains(received, r => r.PathAndQuery.StartsWith("/api/v1/namespaces?allowWatchBookmarks=true", StringComparison.Ordinal) && r.PathAndQuery.Contains("watch=true", StringComparison.Ordinal));
        string[] expected =
        [
            "impersonate-user: jane", "impersonate-uid: 1234", "impersonate-group: devs", "impersonate-group: ops",
            "impersonate-extra-scopes: read", "impersonate-extra-scopes: write", "impersonate-extra-example.com%2fteam: a b",
            "impersonate-extra-%c3%9cn%c3%af%20%25x: välue",
        ];
        Assert.All(received, r => Assert.Equal(expected.Order(StringComparer.Ordinal), Lines(r.Headers)));
        // Several groups and extra values: HTTP/2 would join them (see below), so these requests go over HTTP/1.1.
        Assert.All(received, r => Assert.Equal("HTTP/1.1", r.Protocol));
    }

    [Fact]
    public async Task OneValuePerHeader_GoesOverHttp2_WithKubectlsHeaders()
    {
        var client = _sessions.GetClient(_path, ImpersonationKubeconfig.OneValueEachContext);

        var identity = await client.GetIdentityAsync(default);
        await client.ListAllAsync<Namespace>(Namespaces, null, null, default);

        var received = _cluster.Faults.RecentImpersonations;
        Assert.NotEmpty(received);
        string[] expected = ["impersonate-user: jane", "impersonate-group: devs", "impersonate-extra-scopes: read", "impersonate-extra-%c3%9cn%c3%af%20%25x: välue"];
        Assert.All(received, r => Assert.Equal(expected.Order(StringComparer.Ordinal), Lines(r.Headers)));
        Assert.All(received, r => Assert.Equal("HTTP/2", r.Protocol));
        Assert.Equal("jane", identity.Username);
        Assert.Equal(["devs", "system:authenticated"], identity.Groups);
        Assert.Equal(["välue"], identity.Extra["Ünï %x"]);
    }

    [Fact]
    public async Task Http2_JoinsTheValuesOfARepeatedHeader_WhichTheServerReadsAsOneGroup()
    {
        // Why a repeated header needs HTTP/1.1: .NET's HTTP/2 encoder sends the values of one header as one field
        // "devs, ops" (Kestrel, like the API server, keeps separate fields separate, and splits no commas).
        using var http = FakeClusterTests.FakeClusterHttp.Client(_cluster);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation(Impersonation.UserHeader, "jane");
        request.Headers.TryAddWithoutValidation(Impersonation.GroupHeader, ["devs", "ops"]);

        using var response = await http.SendAsync(request);

        var received = Assert.Single(_cluster.Faults.RecentImpersonations);
        Assert.Equal("HTTP/2", received.Protocol);
        Assert.Equal(["impersonate-group: devs, ops", "impersonate-user: jane"], Lines(received.Headers));
    }

    [Fact]
    public async Task AsFields_TheServerRunsTheRequestAsThatUser()
    {
        var identity = await _sessions.GetClient(_path, ImpersonationKubeconfig.ImpersonatingContext).GetIdentityAsync(default);

        Assert.Equal("jane", identity.Username);
        Assert.Equal("1234", identity.Uid);
        Assert.Equal(["devs", "ops", "system:authenticated"], identity.Groups);
        Assert.Equal(["example.com/team", "scopes", "Ünï %x"], identity.Extra.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["read", "write"], identity.Extra["scopes"]);
        Assert.Equal(["a b"], identity.Extra["example.com/team"]);
        Assert.Equal(["välue"], identity.Extra["Ünï %x"]);
        Assert.Equal(ImpersonationKubeconfig.ImpersonatingContext, identity.Context);
    }

    [Fact]
    public async Task WithoutAs_TheAuthenticatedUserIsReported_AndNoHeaderIsSent()
    {
        var identity = await _sessions.GetClient(_path, "fake").GetIdentityAsync(default);

        Assert.Equal("fake-admin", identity.Username);
        Assert.Equal(["system:masters", "system:authenticated"], identity.Groups);
        Assert.Empty(identity.Extra);
        Assert.Empty(_cluster.Faults.RecentImpersonations);
    }

    [Fact]
    public async Task SameCredentials_DifferentImpersonation_NeverShareAConnection()
    {
        var plain = await _sessions.GetClient(_path, "fake").GetIdentityAsync(default);
        var impersonated = await _sessions.GetClient(_path, ImpersonationKubeconfig.ImpersonatingContext).GetIdentityAsync(default);
        var plainAgain = await _sessions.GetClient(_path, "fake").GetIdentityAsync(default);

        Assert.Equal(["fake-admin", "jane", "fake-admin"], new[] { plain.Username, impersonated.Username, plainAgain.Username });
    }

    [Fact]
    public async Task AUserThatMayNotImpersonate_IsForbidden_InTheApiServersWords()
    {
        var client = _sessions.GetClient(_path, ImpersonationKubeconfig.TokenContext);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetIdentityAsync(default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("Forbidden", error.Reason);
        Assert.Equal("users \"jane\" is forbidden: User \"fake-token-user\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope", error.Message);
    }

    [Fact]
    public void GroupsWithoutAs_AreRefusedBeforeAnyRequest_InKubectlsWords()
    {
        var error = Assert.Throws<KubeConfigException>(() => _sessions.GetClient(_path, ImpersonationKubeconfig.GroupsOnlyContext));

        Assert.StartsWith($"requesting uid, groups or user-extra for {ImpersonationKubeconfig.GroupsOnlyUser} without impersonating a user", error.Message, StringComparison.Ordinal);
        Assert.Empty(_cluster.Faults.RecentRequests);
    }

    [Theory]
    [InlineData("as-uid: \"7\"")]
    [InlineData("as-user-extra: {team: [a]}")]
    [InlineData("as-user-extra: {team: []}")]
    [InlineData("as: \"\"\n    as-groups: [devs]")]
    public void UidOrExtraWithoutAs_AreRefusedToo(string fields)
    {
        var path = _folder.Write("lone", """
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            users:
            - name: u
              user:
                token: t
                FIELDS
            """.Replace("FIELDS", fields, StringComparison.Ordinal));

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load(path).Resolve("x"));

        Assert.StartsWith("requesting uid, groups or user-extra for u without impersonating a user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineBreakInAValue_IsRefusedBeforeAnyRequest()
    {
        var path = _folder.Write("newline", """
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            users: [{name: u, user: {token: t, as: "jane\r\nX-Injected: 1"}}]
            """);

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load(path).Resolve("x"));

        Assert.Contains("Impersonate-User with a line break", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainHttpServer_GetsTheImpersonation_ButNoCredentials_AsFromClientGo()
    {
        var path = _folder.Write("http", """
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            users: [{name: u, user: {token: secret, as: jane}}]
            """);

        var credentials = Assert.IsType<ImpersonatingCredentials>(KubeConfig.Load(path).Resolve("x").Credentials);

        Assert.Same(AnonymousCredentials.Instance, credentials.Credentials);
        Assert.Equal("jane", credentials.Impersonation.UserName);
    }

    [Fact]
    public void Impersonation_IsNamedInDescriptions_ButNoCredential()
    {
        var user = KubeConfig.Load(_path).Users["token-as-jane"];

        Assert.Equal("KubeConfigUser { token, impersonating jane }", user.Value.ToString());
        var credentials = KubeConfig.Load(_path).Resolve(ImpersonationKubeconfig.TokenContext).Credentials;
        Assert.Equal("bearer token, impersonating jane", credentials.ToString());
        Assert.DoesNotContain(_cluster.Token, credentials.CacheKey + credentials, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Lines(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}").Order(StringComparer.Ordinal);
}
