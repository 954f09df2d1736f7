using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>Turns PEM texts into a certificate with its private key that TLS client authentication can use.</summary>
public static class PemCertificate
{
    /// <summary>
    /// Loads the first certificate of <paramref name="certificatePem"/> with the key in <paramref name="keyPem"/>:
    /// RSA or EC, as PKCS#1 (RSA PRIVATE KEY), PKCS#8 (PRIVATE KEY) or SEC1 (EC PRIVATE KEY).
    /// </summary>
    /// <exception cref="CryptographicException">The texts hold no certificate, no matching key, or a key that does not match.</exception>
    public static X509Certificate2 Load(string certificatePem, string keyPem)
    {
        var withEphemeralKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        // OpenSSL (Linux) takes a key that lives only in memory; other platforms' TLS stacks (Windows SChannel) refuse
        // it for client authentication, and a PKCS#12 round trip, whose key derivation costs a new process about
        // 10 ms, gives a certificate they accept.
        if (OperatingSystem.IsLinux())
        {
            return withEphemeralKey;
        }
        using (withEphemeralKey)
        {
            var pkcs12 = withEphemeralKey.Export(X509ContentType.Pkcs12);
            try
            {
                return new X509Certificate2(pkcs12, (string?)null, X509KeyStorageFlags.Exportable);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs12);
            }
        }
    }
}
