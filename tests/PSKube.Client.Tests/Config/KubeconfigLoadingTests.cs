using System.Text.Json.Nodes;
using PSKube.Client.Auth;
using PSKube.Client.Config;

namespace PSKube.Client.Tests.Config;

public sealed class KubeconfigLoadingTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    private const string First = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster:
            server: https://first.example:6443
        users:
        - name: alice
          user:
            token: first-token
        contexts:
        - name: dev
          context: {cluster: shared, user: alice, namespace: dev-ns}
        """;

    private const string Second = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: shared
          cluster:
            server: https://second.example:6443
        - name: prod-cluster
          cluster:
            server: https://prod.example:6443
        users:
        - name: alice
          user:
            token: second-token
        - name: bob
          user:
            token: bob-token
        contexts:
        - name: dev
          context: {cluster: prod-cluster, user: bob}
        - name: prod
          context: {cluster: prod-cluster, user: bob}
        """;

    [Fact]
    public void TwoFiles_FirstFileDefiningANameWins_CurrentContextFromFirstFileSettingIt()
    {
        var first = _folder.Write("a/config", First);
        var second = _folder.Write("b/config", Second);

        var config = Loader(first, second).Load();

        Assert.Equal([first, second], config.Files);
        Assert.Equal("https://first.example:6443", config.Clusters["shared"].Value.Server);
        Assert.Equal(first, config.Clusters["shared"].File);
        Assert.Equal("first-token", config.Users["alice"].Value.Token);
        Assert.Equal("shared", config.Contexts["dev"].Value.Cluster);
        Assert.Equal(second, config.Contexts["prod"].File);
        Assert.Equal("prod", config.CurrentContext);
        Assert.Equal(first, config.DefaultFile);

        var current = config.Resolve();
        Assert.Equal(("prod", "prod-cluster", "bob", "default"), (current.ContextName, current.ClusterName, current.UserName, current.Namespace));
        Assert.Equal(new Uri("https://prod.example:6443"), current.Endpoint.Server);
    }

    [Fact]
    public void KubeconfigList_SkipsEmptyAndMissingEntries_AndDropsDuplicates()
    {
        var first = _folder.Write("a/config", First);
        var missing = _folder.File("missing/config");
        var loader = new KubeConfigLoader
        {
            KubeconfigVariable = string.Join(Path.PathSeparator, "", missing, first, "", first),
            HomeDirectory = _folder.File("home"),
        };

        Assert.Equal([missing, first], loader.Precedence());
        var config = loader.Load();
        Assert.Equal([first], config.Files);
        Assert.Equal("dev", config.Resolve("dev").ContextName);
    }

    [Fact]
    public void ExplicitPath_WinsOverKubeconfigVariable_AndMustExist()
    {
        var first = _folder.Write("a/config", First);
        var second = _folder.Write("b/config", Second);
        var loader = Loader(first);

        Assert.Equal([second], loader.Load(second).Files);
        var error = Assert.Throws<KubeConfigException>(() => loader.Load(_folder.File("nope")));
        Assert.Contains(_folder.File("nope"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutKubeconfigVariable_ReadsTheHomeFolderConfig()
    {
        var home = _folder.File("home");
        _folder.Write("home/.kube/config", Second);

        var config = new KubeConfigLoader { HomeDirectory = home }.Load();

        Assert.Equal([Path.Combine(home, ".kube", "config")], config.Files);
    }

    [Fact]
    public void RelativePaths_ResolveAgainstTheFolderOfTheFileThatDefinedThem()
    {
        var path = _folder.Write("nested/kube/config", """
            clusters:
            - name: c
              cluster: {server: "https://c.example", certificate-authority: certs/ca.crt}
            users:
            - name: files
              user: {client-certificate: certs/me.crt, client-key: ../keys/me.key, tokenFile: token}
            - name: plugin
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/plugin}
            - name: on-path
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}
            - name: absolute
              user: {tokenFile: /var/token}
            """);
        var folder = Path.GetDirectoryName(path)!;

        var config = Loader(path).Load();

        Assert.Equal(Path.Combine(folder, "certs", "ca.crt"), config.Clusters["c"].Value.CertificateAuthority);
        var files = config.Users["files"].Value;
        Assert.Equal(Path.Combine(folder, "certs", "me.crt"), files.ClientCertificate);
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, "..", "keys", "me.key")), files.ClientKey);
        Assert.Equal(Path.Combine(folder, "token"), files.TokenFile);
        Assert.Equal(Path.Combine(folder, "bin", "plugin"), config.Users["plugin"].Value.Exec!.Command);
        Assert.Equal("aws", config.Users["on-path"].Value.Exec!.Command);
        Assert.Equal("/var/token", config.Users["absolute"].Value.TokenFile);
    }

    [Fact]
    public void Model_ReadsEveryField_IgnoresUnknownKeys_AndTreatsNullListsAsEmpty()
    {
        var path = _folder.Write("config", """
            apiVersion: v1
            kind: Config
            some-future-key: {x: 1}
            preferences: {colors: true}
            clusters:
            - name: c
              cluster:
                server: https://c.example
                insecure-skip-tls-verify: true
                tls-server-name: api.internal
                proxy-url: http://proxy.example:3128
                disable-compression: true
                extensions:
                - name: client.authentication.k8s.io/exec
                  extension: {audience: "k8s", retries: 3}
            users:
            - name: u
              user:
                username: admin
                password: s3cret
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: plugin
                  args: null
                  env:
                  - {name: A, value: "1"}
                  installHint: install it
                  provideClusterInfo: true
                  interactiveMode: Never
                auth-provider: {name: oidc, config: {client-id: x}}
            contexts:
            - name: ctx
              context: {cluster: c, user: u, namespace: ns}
            """);

        var config = Loader(path).Load();

        var cluster = config.Clusters["c"].Value;
        Assert.True(cluster.InsecureSkipTlsVerify);
        Assert.True(cluster.DisableCompression);
        Assert.Equal(("api.internal", "http://proxy.example:3128"), (cluster.TlsServerName, cluster.ProxyUrl));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"audience":"k8s","retries":3}"""), cluster.Extensions.Single().Extension));
        var user = config.Users["u"].Value;
        Assert.Equal(("admin", "s3cret"), (user.Username, user.Password));
        Assert.Empty(user.Exec!.Args);
        Assert.Equal(("A", "1"), (user.Exec.Env.Single().Name, user.Exec.Env.Single().Value));
        Assert.Equal(("install it", true, "Never"), (user.Exec.InstallHint, user.Exec.ProvideClusterInfo, user.Exec.InteractiveMode));
        Assert.Equal("x", user.AuthProvider!.Config["client-id"]);
        Assert.True(config.Preferences!.Colors);
        Assert.DoesNotContain("s3cret", user.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainScalarsInStringFields_KeepTheirText_AsKubectlReadsThem()
    {
        var path = _folder.Write("config", """
            apiVersion: v1
            kind: Config
            template: &copied {username: 0o17}
            current-context: 1.0
            clusters:
            - name: 007
              cluster: {server: 0x1F, tls-server-name: True}
            users:
            - name: u
              user:
                token: &pin 0123
                password: *pin
                as-groups: [1e3, null, false]
                as-user-extra: {scopes: [+5, ~]}
                exec: {command: p, args: [010, 1.50, yes]}
                auth-provider: {name: oidc, config: {retries: 3, empty: null}}
            - name: copy
              user: *copied
            """);

        var config = Loader(path).Load();

        Assert.Equal("1.0", config.CurrentContext);
        var cluster = config.Clusters["007"].Value;
        Assert.Equal(("0x1F", "True"), (cluster.Server, cluster.TlsServerName));
        var user = config.Users["u"].Value;
        Assert.Equal(("0123", "0123"), (user.Token, user.Password));
        Assert.Equal(["1e3", "", "false"], user.ImpersonateGroups);
        Assert.Equal(["+5", ""], user.ImpersonateUserExtra["scopes"]);
        Assert.Equal(["010", "1.50", "yes"], user.Exec!.Args);
        Assert.Equal(("3", ""), (user.AuthProvider!.Config["retries"], user.AuthProvider.Config["empty"]));
        Assert.Equal("0o17", config.Users["copy"].Value.Username);
    }

    [Fact]
    public void AliasedValues_AndTheYaml11BooleanWords_AreRead()
    {
        var path = _folder.Write("config", """
            apiVersion: v1
            kind: Config
            defaults: &defaults {token: 0042, as-groups: [007]}
            clusters:
            - name: a
              cluster: {server: https://a, insecure-skip-tls-verify: yes, disable-compression: "on"}
            - name: b
              cluster: {server: https://b, insecure-skip-tls-verify: Off, disable-compression: "TRUE"}
            users:
            - name: u
              user: *defaults
            preferences: {colors: Y}
            """);

        var config = Loader(path).Load();

        Assert.Equal((true, true), (config.Clusters["a"].Value.InsecureSkipTlsVerify, config.Clusters["a"].Value.DisableCompression));
        Assert.Equal((false, true), (config.Clusters["b"].Value.InsecureSkipTlsVerify, config.Clusters["b"].Value.DisableCompression));
        Assert.Equal(("0042", "007"), (config.Users["u"].Value.Token, config.Users["u"].Value.ImpersonateGroups.Single()));
        Assert.True(config.Preferences!.Colors);
    }

    [Fact]
    public void Extensions_AreDetachedJson_AndNullEntriesAreLeftOut()
    {
        var path = _folder.Write("config", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://c
                extensions: [null, {name: client.authentication.k8s.io/exec, extension: {retries: 3, pin: "007"}}]
            extensions: [{name: top, extension: [1, yes, 0x10]}]
            """);

        var document = KubeConfigFileReader.Parse(File.ReadAllText(path), path);

        var extension = document.Clusters.Single().Cluster!.Extensions.Single();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"retries":3,"pin":"007"}"""), extension.Extension));
        Assert.Null(extension.Extension!.Parent);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[1,"yes",16]"""), document.Extensions.Single().Extension));
    }

    [Fact]
    public void SeveralDocuments_TheFirstCounts_AsForKubectl()
    {
        var path = _folder.Write("config", First + "\n---\ncurrent-context: elsewhere\n");

        Assert.Null(Loader(path).Load().CurrentContext);
    }

    [Fact]
    public void UnknownContext_NamesTheFilesAndTheAvailableContexts()
    {
        var first = _folder.Write("a/config", First);
        var second = _folder.Write("b/config", Second);

        var error = Assert.Throws<KubeConfigException>(() => Loader(first, second).Load().Resolve("staging"));

        Assert.Equal($"context \"staging\" not found in {first}, {second}; available contexts: dev, prod", error.Message);
    }

    [Fact]
    public void NoCurrentContext_SaysSoAndListsContexts()
    {
        var error = Assert.Throws<KubeConfigException>(() => Loader(_folder.Write("config", First)).Load().Resolve());

        Assert.StartsWith("no current-context is set in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("use-context", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("available contexts: dev", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{cluster: c, user: ghost}", "user \"ghost\" of context \"x\" is not defined in")]
    [InlineData("{cluster: nowhere, user: u}", "cluster \"nowhere\" of context \"x\" is not defined in")]
    [InlineData("{cluster: empty, user: u}", "cluster \"empty\" in")]
    [InlineData("{user: u}", "context \"x\" in")]
    public void BrokenContext_NamesTheMissingPiece(string context, string expectedStart)
    {
        var path = _folder.Write("config", $$$"""
            clusters:
            - {name: c, cluster: {server: "https://c.example"}}
            - {name: empty, cluster: {insecure-skip-tls-verify: true}}
            users:
            - {name: u, user: {token: t}}
            contexts:
            - {name: x, context: {{{context}}}}
            """);

        var error = Assert.Throws<KubeConfigException>(() => Loader(path).Load().Resolve("x"));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterWithoutServer_SaysHowToSetIt()
    {
        var path = _folder.Write("config", """
            clusters: [{name: empty, cluster: {insecure-skip-tls-verify: true}}]
            contexts: [{name: x, context: {cluster: empty}}]
            """);

        var error = Assert.Throws<KubeConfigException>(() => Loader(path).Load().Resolve("x"));

        Assert.Equal($"cluster \"empty\" in {path} has no server; set one with `kubectl config set-cluster empty --server=https://HOST:PORT`", error.Message);
    }

    [Fact]
    public void NoKubeconfigAnywhere_MentionsKubeconfigHomeConfigAndInCluster()
    {
        var config = new KubeConfigLoader { HomeDirectory = _folder.File("home") }.Load();

        var error = Assert.Throws<KubeConfigException>(() => config.Resolve());

        Assert.True(config.IsEmpty);
        Assert.Contains("KUBECONFIG", error.Message, StringComparison.Ordinal);
        Assert.Contains("~/.kube/config", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside a cluster", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBERNETES_SERVICE_HOST", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ns-from-context", null, "ns-from-context")]
    [InlineData("ns-from-context", "override", "override")]
    [InlineData(null, null, "default")]
    [InlineData(null, "override", "override")]
    public void Namespace_IsTheOverride_ElseTheContexts_ElseDefault(string? contextNamespace, string? namespaceOverride, string expected)
    {
        var namespaceEntry = contextNamespace is null ? "" : ", namespace: " + contextNamespace;
        var path = _folder.Write("config", $$$"""
            clusters: [{name: c, cluster: {server: "https://c.example"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u{{{namespaceEntry}}}}}]
            current-context: x
            """);

        Assert.Equal(expected, Loader(path).Load().Resolve(namespaceOverride: namespaceOverride).Namespace);
    }

    [Fact]
    public void Endpoint_CarriesCertificateAuthorityTlsServerNameAndProxy()
    {
        var ca = _folder.Write("ca.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        var path = _folder.Write("config", """
            clusters: [{name: c, cluster: {server: "https://c.example", certificate-authority: ca.crt, tls-server-name: api.internal, proxy-url: "http://proxy:3128"}}]
            contexts: [{name: x, context: {cluster: c}}]
            """);

        var endpoint = Loader(path).Load().Resolve("x").Endpoint;

        Assert.Equal(File.ReadAllBytes(ca), endpoint.CertificateAuthorityPem);
        Assert.Equal("api.internal", endpoint.TlsServerName);
        Assert.Equal(new Uri("http://proxy:3128"), endpoint.Proxy);
    }

    [Fact]
    public void PlainHttpServer_GetsNoCredentials()
    {
        var path = _folder.Write("config", """
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:8080"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            """);

        Assert.Same(AnonymousCredentials.Instance, Loader(path).Load().Resolve("x").Credentials);
    }

    private KubeConfigLoader Loader(params string[] files) => new()
    {
        KubeconfigVariable = string.Join(Path.PathSeparator, files),
        HomeDirectory = _folder.File("home"),
    };

    public void Dispose() => _folder.Dispose();
}
