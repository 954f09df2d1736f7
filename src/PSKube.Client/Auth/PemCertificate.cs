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
        using var withEphemeralKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        // A key imported from PEM lives only in memory, which some TLS stacks (Windows SChannel) refuse for client
        // authentication; a PKCS#12 round trip gives a certificate every platform's SslStream accepts.
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
