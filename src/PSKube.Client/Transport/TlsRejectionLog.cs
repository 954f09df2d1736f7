using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Transport;

/// <summary>Why a server certificate was refused: the failure and kubectl's words for it.</summary>
internal sealed record TlsRejection(KubeTlsFailure Failure, string Detail);

/// <summary>
/// The verdict of the latest certificate check of one connection set. The handshake itself only fails with "the
/// remote certificate is invalid"; the request loop reads from here why, to say it as kubectl does.
/// </summary>
internal sealed class TlsRejectionLog
{
    private volatile TlsRejection? _latest;

    /// <summary>Why the latest check refused the certificate; null when it accepted it.</summary>
    public TlsRejection? Latest => _latest;

    public void Record(TlsRejection? verdict) => _latest = verdict;

    /// <summary>
    /// Checks a server certificate in the order Go's crypto/x509 does (validity period, host name, chain), so the
    /// reason matches kubectl's. With a pinned CA the chain must end at one of its certificates (the machine's store
    /// is ignored); without one the platform's verdict stands.
    /// </summary>
    public static TlsRejection? Check(X509Certificate? presented, SslPolicyErrors platformErrors, X509Certificate2Collection? pinned, string expectedName)
    {
        if (presented is null)
        {
            return new TlsRejection(KubeTlsFailure.Other, "the server presented no certificate");
        }
        using var certificate = new X509Certificate2(presented);
        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return new TlsRejection(KubeTlsFailure.Expired, $"it is valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}");
        }
        var nameMatches = pinned is null ? !platformErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) : certificate.MatchesHostname(expectedName);
        if (!nameMatches)
        {
            return new TlsRejection(KubeTlsFailure.NameMismatch, NameMismatch(certificate, expectedName));
        }
        if (pinned is null)
        {
            return platformErrors == SslPolicyErrors.None ? null : new TlsRejection(KubeTlsFailure.UnknownAuthority, "");
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(pinned);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate) ? null : new TlsRejection(KubeTlsFailure.UnknownAuthority, "");
    }

    // "certificate is valid for localhost, not other.example": the names of the kind asked for (IP addresses for an
    // address, DNS names for a name), as Go says it.
    private static string NameMismatch(X509Certificate2 certificate, string expectedName)
    {
        var names = certificate.Extensions
            .Where(e => e.Oid?.Value == "2.5.29.17")
            .Select(e => new X509SubjectAlternativeNameExtension(e.RawData, e.Critical))
            .ToList();
        var wantsAddress = IPAddress.TryParse(expectedName.Trim('[', ']'), out _);
        var valid = wantsAddress
            ? names.SelectMany(n => n.EnumerateIPAddresses()).Select(a => a.ToString()).ToList()
            : names.SelectMany(n => n.EnumerateDnsNames()).ToList();
        if (valid.Count == 0)
        {
            return wantsAddress
                ? $"cannot validate certificate for {expectedName} because it doesn't contain any IP SANs"
                : $"certificate is not valid for any names, but wanted to match {expectedName}";
        }
        return $"certificate is valid for {string.Join(", ", valid)}, not {expectedName}";
    }
}
