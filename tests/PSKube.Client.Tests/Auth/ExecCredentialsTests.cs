using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Auth;

public sealed class ExecCredentialsTests(AuthClusterFixture fixture) : IClassFixture<AuthClusterFixture>, IDisposable
{
    // Counts its runs, records what it got, and answers token-N (or the prepared answer in output.json).
    private const string Plugin = """
        dir="$(dirname "$0")"
        n=$(( $(cat "$dir/runs" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$dir/runs"
        printf '%s\n' "$@" > "$dir/args"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info"
        printf '%s' "$PLUGIN_SETTING" > "$dir/env"
        if [ -f "$dir/output.json" ]; then cat "$dir/output.json"; exit 0; fi
        expiry=""
        if [ -n "$EXPIRES" ]; then expiry=",\"expirationTimestamp\":\"$EXPIRES\""; fi
        echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"token-$n\"$expiry}}"
        """;

    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public async Task Answer_IsCached_OnlyOneRunEvenForConcurrentRequests()
    {
        var credentials = Create(Exec());

        var headers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => HeaderAsync(credentials)));

        Assert.All(headers, header => Assert.Equal("Bearer token-1", header));
        Assert.Equal(1, Runs);
    }

    [Fact]
    public async Task Answer_WithExpiration_IsReusedUntilItExpires()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 11, 0, 0, TimeSpan.Zero));
        var credentials = Create(Exec(env: [new() { Name = "EXPIRES", Value = "2030-01-01T12:00:00Z" }]), time: time);

        Assert.Equal("Bearer token-1", await HeaderAsync(credentials));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("Bearer token-1", await HeaderAsync(credentials));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero), credentials.Expiration);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Bearer token-2", await HeaderAsync(credentials));
        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task After401_ThePluginRunsAgain_AndTheRetryWithTheNewTokenSucceeds()
    {
        fixture.Cluster.Authenticator.AddToken("token-2", "exec-user");
        var credentials = Create(Exec());

        Assert.Equal(HttpStatusCode.Unauthorized, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
        Assert.True(await credentials.RefreshAfterUnauthorizedAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
        Assert.Equal(2, Runs);
        fixture.Cluster.Authenticator.RemoveToken("token-2");
    }

    [Fact]
    public async Task ArgsEnvAndExecInfo_ArePassedAsAList_WithClusterInfoWhenAskedFor()
    {
        var exec = Exec(args: ["get-token", "--cluster name", "with \"quotes\" and $dollar"], env: [new() { Name = "PLUGIN_SETTING", Value = "a value" }]) with { ProvideClusterInfo = true };
        var cluster = new JsonObject { ["server"] = "https://c.example:6443" };
        var credentials = Create(exec, clusterInfo: cluster);

        await HeaderAsync(credentials);

        Assert.Equal(["get-token", "--cluster name", "with \"quotes\" and $dollar"], File.ReadAllLines(_folder.File("args")));
        Assert.Equal("a value", File.ReadAllText(_folder.File("env")));
        var info = JsonNode.Parse(File.ReadAllText(_folder.File("exec-info")));
        var expected = JsonNode.Parse("""
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false,"cluster":{"server":"https://c.example:6443"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, info), info?.ToJsonString());
    }

    [Fact]
    public async Task MissingCommand_ShowsTheInstallHint()
    {
        var credentials = Create(Exec() with { Command = _folder.File("no-such-plugin"), InstallHint = "Install it with: brew install no-such-plugin" });

        var error = await Assert.ThrowsAsync<KubeAuthException>(() => HeaderAsync(credentials));

        Assert.Contains("could not be run", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Install it with: brew install no-such-plugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingCommand_ReportsExitCodeAndStderr_ButNeverItsOutput()
    {
        var script = _folder.WriteScript("failing", """
            echo '{"status":{"token":"leaked-token"}}'
            echo "session expired, run: plugin login" >&2
            exit 3
            """);
        var credentials = Create(Exec() with { Command = script });

        var error = await Assert.ThrowsAsync<KubeAuthException>(() => HeaderAsync(credentials));

        Assert.Equal($"the exec plugin {script} of user \"u\" failed with exit code 3: session expired, run: plugin login", error.Message);
        Assert.DoesNotContain("leaked-token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}""", "is configured to use API version client.authentication.k8s.io/v1, but returned version client.authentication.k8s.io/v1beta1")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"}""", "didn't return a status field")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}""", "didn't return a token or cert/key pair")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"x"}}""", "returned only certificate or key, not both")]
    [InlineData("not json at all", "printed something that is not an ExecCredential JSON object")]
    public async Task BadAnswers_AreExplained(string answer, string problem)
    {
        _folder.Write("output.json", answer);
        var credentials = Create(Exec());

        var error = await Assert.ThrowsAsync<KubeAuthException>(() => HeaderAsync(credentials));

        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateAnswer_AuthenticatesOverTls()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        using var certificate = fixture.Cluster.Authority.IssueClientCertificate("exec-cert-user", [], key);
        _folder.Write("output.json", new JsonObject
        {
            ["apiVersion"] = "client.authentication.k8s.io/v1",
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject { ["clientCertificateData"] = certificate.ExportCertificatePem(), ["clientKeyData"] = key.ExportPkcs8PrivateKeyPem() },
        }.ToJsonString());
        var credentials = Create(Exec());

        Assert.Equal(HttpStatusCode.OK, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
        Assert.Equal(certificate.Thumbprint, credentials.ClientCertificate!.Thumbprint);
    }

    [Theory]
    [InlineData("client.authentication.k8s.io/v1", null, "has no interactiveMode")]
    [InlineData("client.authentication.k8s.io/v1", "Sometimes", "interactiveMode \"Sometimes\"")]
    [InlineData("client.authentication.k8s.io/v1alpha1", "Never", "v1alpha1 was removed")]
    public void InvalidSettings_AreRejectedUpFront(string apiVersion, string? interactiveMode, string problem)
    {
        var error = Assert.Throws<KubeConfigException>(() => Create(Exec() with { ApiVersion = apiVersion, InteractiveMode = interactiveMode }));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client.authentication.k8s.io/v1beta1", null, ExecInteractiveMode.IfAvailable)]
    [InlineData("client.authentication.k8s.io/v1", "Always", ExecInteractiveMode.Always)]
    public void InteractiveMode_DefaultsToIfAvailableForV1Beta1(string apiVersion, string? interactiveMode, ExecInteractiveMode expected) =>
        Assert.Equal(expected, Create(Exec() with { ApiVersion = apiVersion, InteractiveMode = interactiveMode }).InteractiveMode);

    [Fact]
    public async Task AlwaysInteractive_FailsWhenRunningNonInteractively_WithoutRunningThePlugin()
    {
        var credentials = Create(Exec() with { InteractiveMode = "Always" });

        var error = await Assert.ThrowsAsync<KubeAuthException>(() => HeaderAsync(credentials));

        Assert.Contains("needs a terminal", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Runs);
    }

    [Fact]
    public void Kubeconfig_ExecUser_ResolvesToExecCredentials_WithTheCommandRelativeToTheFile()
    {
        _folder.WriteScript("bin/plugin", Plugin);
        var path = _folder.Write("config", """
            clusters: [{name: c, cluster: {server: "https://c.example"}}]
            users:
            - name: u
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/plugin, interactiveMode: Never, env: [{name: SECRET, value: hidden-value}]}
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """);

        var credentials = Assert.IsType<ExecCredentials>(new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x").Credentials);

        Assert.Equal($"exec plugin {_folder.File("bin/plugin")}", credentials.ToString());
        Assert.DoesNotContain("hidden-value", credentials.CacheKey, StringComparison.Ordinal);
    }

    private int Runs => File.Exists(_folder.File("runs")) ? int.Parse(File.ReadAllText(_folder.File("runs")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    private KubeConfigExec Exec(string[]? args = null, KubeConfigExecEnvVar[]? env = null) => new()
    {
        ApiVersion = ExecCredentials.V1,
        Command = _folder.WriteScript("plugin", Plugin),
        Args = args ?? [],
        Env = env ?? [],
        InteractiveMode = "Never",
    };

    private static ExecCredentials Create(KubeConfigExec exec, JsonObject? clusterInfo = null, TimeProvider? time = null) =>
        new(exec, "user \"u\"", clusterInfo, allowInteractive: false, time);

    private static async Task<string?> HeaderAsync(IKubeCredentials credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://127.0.0.1/");
        await credentials.ApplyAsync(request, CancellationToken.None);
        return request.Headers.Authorization?.ToString();
    }

    public void Dispose() => _folder.Dispose();
}
