using System.Security.Cryptography;
using System.Text;

namespace PSKube.Client.Auth;

/// <summary>A short one-way fingerprint of secrets, so cache keys can tell credentials apart without revealing them.</summary>
internal static class SecretHash
{
    public static string Of(params IEnumerable<string?> parts)
    {
        var joined = string.Join('\0', parts.Select(p => p ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(joined)).AsSpan(0, 12)).ToLowerInvariant();
    }
}
