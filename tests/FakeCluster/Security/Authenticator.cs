using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster.Security;

/// <summary>
/// Decides who a request comes from, as the API server's authenticators do: a client certificate signed by the
/// cluster's CA (user = CN, groups = O), a known bearer token, or a known Basic user, each with the groups the API
/// server adds (<see cref="FakeUser.Authenticated"/>). Anything else is anonymous.
/// </summary>
public sealed class Authenticator(CertificateAuthority authority, FakeClock? clock = null)
{
    private const string OrganizationOid = "2.5.4.10";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string User, DateTimeOffset Expires)> _expiringTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _basicUsers = new(StringComparer.Ordinal);

    public void AddToken(string token, string user) => _tokens[token] = user;

    /// <summary>A token accepted until <paramref name="expires"/> on the cluster clock (service account tokens from TokenRequest).</summary>
    public void AddToken(string token, string user, DateTimeOffset expires) => _expiringTokens[token] = (user, expires);

    public void RemoveToken(string token) => _tokens.TryRemove(token, out _);

    public void AddBasicUser(string user, string password) => _basicUsers[user] = password;

    /// <summary>The user, or null when the request carries no credentials the cluster accepts.</summary>
    public FakeUser? Authenticate(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var token = authorization["Bearer ".Length..].Trim();
            if (_expiringTokens.TryGetValue(token, out var expiring))
            {
                return (clock?.Now ?? DateTimeOffset.UtcNow) < expiring.Expires ? FakeUser.Authenticated(expiring.User) : null;
            }
            return _tokens.TryGetValue(token, out var user) ? FakeUser.Authenticated(user) : null;
        }
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return BasicUser(authorization["Basic ".Length..].Trim()) is { } basicUser ? FakeUser.Authenticated(basicUser) : null;
        }
        var certificate = context.Connection.ClientCertificate;
        if (certificate is not null && authority.Issued(certificate))
        {
            var organizations = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .Where(name => name.GetSingleElementType().Value == OrganizationOid)
                .Select(name => name.GetSingleElementValue() ?? "");
            return FakeUser.Authenticated(certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false), organizations);
        }
        return null;
    }

    private string? BasicUser(string encoded)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var user = decoded[..colon];
        return _basicUsers.TryGetValue(user, out var password) && password == decoded[(colon + 1)..] ? user : null;
    }
}
