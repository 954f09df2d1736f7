using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>A TLS client certificate with its private key (a kubeconfig user's client-certificate and client-key).</summary>
public sealed class ClientCertificateCredentials(X509Certificate2 certificate) : IKubeCredentials
{
    public X509Certificate2? ClientCertificate => certificate;

    public string CacheKey { get; } = "cert:" + certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Reads a certificate and its RSA or EC key from PEM texts (see <see cref="PemCertificate.Load"/>).</summary>
    public static ClientCertificateCredentials FromPem(string certificatePem, string keyPem) =>
        new(PemCertificate.Load(certificatePem, keyPem));

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public override string ToString() => $"client certificate {certificate.Subject}";
}
