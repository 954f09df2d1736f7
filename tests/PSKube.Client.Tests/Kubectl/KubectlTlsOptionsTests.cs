using PSKube.Client.Config;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>TLS options of a kubeconfig cluster combine as kubectl's do: contradictions are refused, in kubectl's words.</summary>
public sealed class KubectlTlsOptionsTests
{
    private static async Task<(KubectlResult Kubectl, KubeConfigException PSKube)> BothOnAsync(Func<string, string, string> clusterLines)
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var caFile = kubectl.WriteFile("ca.pem", kubectl.Cluster.Authority.Certificate.ExportCertificatePem());
        var original = await File.ReadAllLinesAsync(kubectl.KubeconfigPath);
        var variant = original.Select(line => line.TrimStart().StartsWith("certificate-authority-data:", StringComparison.Ordinal)
            ? clusterLines(line, new string(' ', line.Length - line.TrimStart().Length) + $"certificate-authority: {caFile}")
            : line);
        var path = kubectl.WriteFile("variant", string.Join('\n', variant));

        var result = await kubectl.RunAsync("--kubeconfig", path, "get", "pods");
        var loader = new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = Path.GetDirectoryName(path)! };
        var error = Assert.Throws<KubeConfigException>(() => loader.Load().Resolve());
        return (result, error);
    }

    private static string Indent(string line) => new(' ', line.Length - line.TrimStart().Length);

    [KubectlFact]
    public async Task TlsOptions_InsecureWithCaData_IsRefused_AsByKubectl()
    {
        var (kubectl, pskube) = await BothOnAsync((data, _) => $"{data}\n{Indent(data)}insecure-skip-tls-verify: true");

        Assert.Equal(1, kubectl.ExitCode);
        Assert.Equal("error: specifying a root certificates file with the insecure flag is not allowed", kubectl.Stderr.Trim());
        Assert.StartsWith("specifying a root certificates file with the insecure flag is not allowed: cluster \"", pskube.Message, StringComparison.Ordinal);
        Assert.EndsWith("has insecure-skip-tls-verify and a certificate authority; remove one of them.", pskube.Message, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task TlsOptions_InsecureWithCaFile_IsRefused_AsByKubectl()
    {
        var (kubectl, pskube) = await BothOnAsync((data, file) => $"{file}\n{Indent(data)}insecure-skip-tls-verify: true");

        Assert.Equal("error: specifying a root certificates file with the insecure flag is not allowed", kubectl.Stderr.Trim());
        Assert.StartsWith("specifying a root certificates file with the insecure flag is not allowed", pskube.Message, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task TlsOptions_CaFileAndCaData_AreRefused_AsByKubectl()
    {
        var (kubectl, pskube) = await BothOnAsync((data, file) => $"{data}\n{file}");

        Assert.Equal(1, kubectl.ExitCode);
        var kubectlWords = kubectl.Stderr.Trim()["error: ".Length..];
        Assert.StartsWith("certificate-authority-data and certificate-authority are both specified for ", kubectlWords, StringComparison.Ordinal);
        Assert.StartsWith(kubectlWords, pskube.Message, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task TlsOptions_AllThree_AreRefusedForBothCas_AsByKubectl()
    {
        var (kubectl, pskube) = await BothOnAsync((data, file) => $"{data}\n{file}\n{Indent(data)}insecure-skip-tls-verify: true");

        var kubectlWords = kubectl.Stderr.Trim()["error: ".Length..];
        Assert.StartsWith("certificate-authority-data and certificate-authority are both specified", kubectlWords, StringComparison.Ordinal);
        Assert.StartsWith(kubectlWords, pskube.Message, StringComparison.Ordinal);
    }
}
