using PSKube.Client.Auth;
using PSKube.Client.Config;

namespace PSKube.Client.Tests.Config;

public sealed class InClusterConfigTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    [Theory]
    [InlineData("10.96.0.1", "443", "https://10.96.0.1/")]
    [InlineData("fd00::1", "6443", "https://[fd00::1]:6443/")]
    [InlineData("kubernetes.default.svc", "8443", "https://kubernetes.default.svc:8443/")]
    public void Detect_BuildsTheServerUrl_BracketingIPv6(string host, string port, string expected)
    {
        WriteServiceAccount();

        var config = InClusterConfig.Detect(_folder.Path, Environment(host, port));

        Assert.Equal(expected, config!.Server.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, "443")]
    [InlineData("10.96.0.1", null)]
    [InlineData("10.96.0.1", "")]
    public void Detect_IsNull_WithoutServiceHostAndPort(string? host, string? port)
    {
        WriteServiceAccount();

        Assert.Null(InClusterConfig.Detect(_folder.Path, Environment(host, port)));
    }

    [Fact]
    public void Detect_IsNull_WithoutTheTokenFile() =>
        Assert.Null(InClusterConfig.Detect(_folder.Path, Environment("10.96.0.1", "443")));

    [Fact]
    public async Task Resolve_UsesCaTokenAndNamespaceOfTheServiceAccount()
    {
        WriteServiceAccount();
        var config = InClusterConfig.Detect(_folder.Path, Environment("10.96.0.1", "443"))!;

        var context = config.Resolve();

        Assert.Equal(("in-cluster", "team-a"), (context.ContextName, context.Namespace));
        Assert.Equal(File.ReadAllBytes(_folder.File("ca.crt")), context.Endpoint.CertificateAuthorityPem);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://10.96.0.1/api");
        await context.Credentials.ApplyAsync(request, CancellationToken.None);
        Assert.Equal("Bearer sa-token", request.Headers.Authorization!.ToString());
        Assert.IsType<TokenFileCredentials>(context.Credentials);
        Assert.Equal("override", config.Resolve("override").Namespace);
    }

    [Fact]
    public void Namespace_PodNamespaceVariableWins_ElseDefault()
    {
        _folder.Write("token", "sa-token");
        var withVariable = InClusterConfig.Detect(_folder.Path, Environment("10.96.0.1", "443", podNamespace: "from-env"))!;
        var withoutAnything = InClusterConfig.Detect(_folder.Path, Environment("10.96.0.1", "443"))!;

        Assert.Equal("from-env", withVariable.Resolve().Namespace);
        Assert.Equal("default", withoutAnything.Resolve().Namespace);
    }

    [Fact]
    public void Kubeconfig_FallsBackToInCluster_OnlyWhenNoKubeconfigExists()
    {
        WriteServiceAccount();
        var inCluster = InClusterConfig.Detect(_folder.Path, Environment("10.96.0.1", "443"));
        var loader = new KubeConfigLoader { HomeDirectory = _folder.File("home"), InCluster = inCluster };

        Assert.Equal("in-cluster", loader.Load().Resolve().ContextName);

        _folder.Write("home/.kube/config", """
            clusters: [{name: c, cluster: {server: "https://c.example"}}]
            contexts: [{name: mine, context: {cluster: c}}]
            current-context: mine
            """);
        Assert.Equal("mine", loader.Load().Resolve().ContextName);
    }

    private void WriteServiceAccount()
    {
        _folder.Write("token", "sa-token\n");
        _folder.Write("ca.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        _folder.Write("namespace", "team-a\n");
    }

    private static Func<string, string?> Environment(string? host, string? port, string? podNamespace = null) => name => name switch
    {
        InClusterConfig.HostVariable => host,
        InClusterConfig.PortVariable => port,
        InClusterConfig.PodNamespaceVariable => podNamespace,
        _ => null,
    };

    public void Dispose() => _folder.Dispose();
}
