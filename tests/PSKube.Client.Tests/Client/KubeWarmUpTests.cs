using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PSKube.Client.Config;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Client;

/// <summary>
/// The warm-up the module starts at import: it leaves the kubeconfig parsed for the first command, and does nothing a
/// user could notice (no request, no exec plugin, no error from a kubeconfig that is broken or missing).
/// </summary>
public sealed class KubeWarmUpTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public void WarmUp_LeavesTheKubeconfigParsed_ForTheFirstCommand()
    {
        var path = _folder.Write("config", Kubeconfig("https://127.0.0.1:6443", Authority(), plugin: null));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        var loader = new KubeConfigLoader { KubeconfigVariable = path };

        var warm = KubeWarmUp.Run(loader);

        Assert.NotNull(warm);
        Assert.Same(warm.Users["u"].Value, loader.Load().Users["u"].Value);
    }

    [Fact]
    public void WarmUp_SendsNothing_AndRunsNoExecPlugin()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var marker = _folder.File("plugin-ran");
        var plugin = _folder.WriteScript("plugin", $"touch '{marker}'\necho '{{}}'\n");
        var path = _folder.Write("config", Kubeconfig($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", Authority(), plugin));

        Assert.NotNull(KubeWarmUp.Run(new KubeConfigLoader { KubeconfigVariable = path }));

        Assert.False(listener.Pending());
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("clusters: [unclosed")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: c}}]\nclusters: [{name: c, cluster: {server: 'https://h', certificate-authority-data: not-base64}}]")]
    public void WarmUp_OverABrokenKubeconfig_IsQuiet(string text)
    {
        var path = _folder.Write("config", text);

        var exception = Record.Exception(() => KubeWarmUp.Run(new KubeConfigLoader { KubeconfigVariable = path }));

        Assert.Null(exception);
    }

    [Fact]
    public void WarmUp_WithoutAnyKubeconfig_IsQuiet()
    {
        var loader = new KubeConfigLoader { KubeconfigVariable = _folder.File("missing"), HomeDirectory = _folder.Path };

        Assert.Null(Record.Exception(() => KubeWarmUp.Run(loader)));
    }

    [Fact]
    public void SystemStore_IsRead_WithoutAnyKubeconfig()
    {
        // The store is read through a chain for a throwaway certificate, so a cluster without a pinned CA gains too.
        Assert.True(KubeWarmUp.ReadSystemStore());
    }

    [Fact]
    public void SamplePods_DecodeAsAListResponse_WithTheirColumns()
    {
        // The sample must decode, or the warm-up would compile nothing and fail unseen.
        var pod = Assert.Single(KubeWarmUp.DecodeSamplePods());

        Assert.Equal(("web-1", "1/1", "Running", "0"), (pod.Name, pod.ReadyContainers, pod.Status, pod.RestartsText));
        Assert.NotNull(pod.Metadata?.ManagedFields?.Single().FieldsV1);
    }

    public void Dispose() => _folder.Dispose();

    private static string Authority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=warm-up test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
    }

    private static string Kubeconfig(string server, string authority, string? plugin) => $$"""
        apiVersion: v1
        kind: Config
        current-context: x
        clusters:
        - name: c
          cluster: {server: '{{server}}', certificate-authority-data: {{authority}}}
        users:
        - name: u
          user: {{(plugin is null ? "{token: t}" : $"{{exec: {{apiVersion: client.authentication.k8s.io/v1, command: '{plugin}', interactiveMode: Never}}}}")}}
        contexts:
        - name: x
          context: {cluster: c, user: u}
        """;
}
