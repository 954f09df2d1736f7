using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using PSKube.Client;
using PSKube.Client.Config;

namespace PSKube.Bench.Micro;

/// <summary>
/// What every cmdlet call pays before its request: reading the kubeconfig (a file as the fake cluster writes it:
/// one cluster with its CA, a certificate user and a token user, two contexts) and finding the session's client.
/// The loader keeps a parsed file until it changes, so the parse itself, paid on the first load and after every
/// change, is measured apart.
/// </summary>
[MemoryDiagnoser]
public class KubeconfigBenchmarks
{
    private string _folder = "";
    private string _kubeconfig = "";
    private string _text = "";
    private KubeSessionCache? _sessions;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("pskube-bench-").FullName;
        _kubeconfig = Path.Combine(_folder, "config");
        _text = Kubeconfig();
        File.WriteAllText(_kubeconfig, _text);
        _sessions = new KubeSessionCache();
        _sessions.GetClient(_kubeconfig);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sessions?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "KubeConfigLoader.Load")]
    public KubeConfig Load() => new KubeConfigLoader().Load(_kubeconfig);

    [Benchmark(Description = "KubeConfigFileReader.Parse")]
    public KubeConfigDocument Parse() => KubeConfigFileReader.Parse(_text, _kubeconfig);

    [Benchmark(Description = "KubeSessionCache.GetClient (warm)")]
    public KubeClient GetClient() => _sessions!.GetClient(_kubeconfig);

    // Throwaway certificates made here, so no key is kept in the repository.
    private static string Kubeconfig()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=bench-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientRequest = new CertificateRequest("CN=bench-admin, O=system:masters", clientKey, HashAlgorithmName.SHA256);
        using var client = clientRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3, 4]);
        static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: bench
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: {Base64(ca.ExportCertificatePem())}
            contexts:
            - name: bench
              context:
                cluster: bench
                user: bench-admin
                namespace: default
            - name: bench-token
              context:
                cluster: bench
                user: bench-token
            current-context: bench
            users:
            - name: bench-admin
              user:
                client-certificate-data: {Base64(client.ExportCertificatePem())}
                client-key-data: {Base64(clientKey.ExportECPrivateKeyPem())}
            - name: bench-token
              user:
                token: bench-token-not-a-secret
            """;
    }
}
