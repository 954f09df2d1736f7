using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Serialization;

namespace PSKube.FakeCluster.Kubeconfig;

/// <summary>
/// Writes the kubeconfig of a fake cluster: the CA pinned, a client-certificate user (the default context `fake`)
/// and a bearer-token user (context `fake-token`).
/// </summary>
public static class KubeconfigWriter
{
    public const string ClusterName = "fake";
    public const string CertificateContext = "fake";
    public const string TokenContext = "fake-token";
    public const string CertificateUser = "fake-admin";
    public const string TokenUser = "fake-token";

    public static string Render(string server, X509Certificate2 authority, X509Certificate2 clientCertificate, string token)
    {
        var config = new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = ClusterName,
                    ["cluster"] = new Dictionary<string, object>
                    {
                        ["server"] = server,
                        ["certificate-authority-data"] = Base64(authority.ExportCertificatePem()),
                    },
                },
            },
            ["contexts"] = new[]
            {
                Context(CertificateContext, CertificateUser),
                Context(TokenContext, TokenUser),
            },
            ["current-context"] = CertificateContext,
            ["users"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = CertificateUser,
                    ["user"] = new Dictionary<string, object>
                    {
                        ["client-certificate-data"] = Base64(clientCertificate.ExportCertificatePem()),
                        ["client-key-data"] = Base64(PrivateKeyPem(clientCertificate)),
                    },
                },
                new Dictionary<string, object>
                {
                    ["name"] = TokenUser,
                    ["user"] = new Dictionary<string, object> { ["token"] = token },
                },
            },
            ["preferences"] = new Dictionary<string, object>(),
        };
        return new SerializerBuilder().Build().Serialize(config);
    }

    /// <summary>The private key in the PEM form kubeconfigs usually hold: SEC1 for EC, PKCS#1 for RSA.</summary>
    public static string PrivateKeyPem(X509Certificate2 certificate) =>
        certificate.GetECDsaPrivateKey() is { } ec ? ec.ExportECPrivateKeyPem()
        : certificate.GetRSAPrivateKey() is { } rsa ? rsa.ExportRSAPrivateKeyPem()
        : throw new CryptographicException("The certificate has no RSA or EC private key.");

    private static Dictionary<string, object> Context(string name, string user) => new()
    {
        ["name"] = name,
        ["context"] = new Dictionary<string, object> { ["cluster"] = ClusterName, ["user"] = user },
    };

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
}
