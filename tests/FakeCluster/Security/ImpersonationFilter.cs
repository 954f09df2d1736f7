using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Security;

/// <summary>
/// The API server's impersonation filter, with a simpler authorizer: Impersonate-User, Impersonate-Uid,
/// Impersonate-Group and Impersonate-Extra-KEY (KEY lower-cased, then percent-decoded) turn the request into one
/// from that user, with system:authenticated added unless a group says otherwise. Only members of system:masters
/// (the fake's client-certificate user) may impersonate; anyone else gets the API server's 403 for the first thing
/// asked (the user, else the service account), as RBAC answers a user no binding grants the impersonate verb.
/// </summary>
public static class ImpersonationFilter
{
    private const string UserHeader = "Impersonate-User";
    private const string UidHeader = "Impersonate-Uid";
    private const string GroupHeader = "Impersonate-Group";
    private const string ExtraHeaderPrefix = "Impersonate-Extra-";

    /// <summary>The Impersonate-* headers of a request, in the order received (names as sent).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HeadersOf(HttpRequest request) =>
        [.. request.Headers
            .Where(h => h.Key.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))];

    /// <summary>The user the request runs as: <paramref name="requester"/> unless it asks to impersonate (and may).</summary>
    public static FakeUser Apply(FakeUser requester, HttpRequest request)
    {
        var headers = request.Headers;
        var userName = headers[UserHeader].FirstOrDefault() ?? "";
        var uid = headers[UidHeader].FirstOrDefault() ?? "";
        List<string> groups = [.. headers[GroupHeader].Select(g => g ?? "")];
        var extra = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in headers.Where(h => h.Key.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var key = Uri.UnescapeDataString(name[ExtraHeaderPrefix.Length..].ToLowerInvariant());
            extra[key] = [.. extra.GetValueOrDefault(key) ?? [], .. values.Select(v => v ?? "")];
        }
        if (userName.Length == 0 && uid.Length == 0 && groups.Count == 0 && extra.Count == 0)
        {
            return requester;
        }
        if (userName.Length == 0)
        {
            // The API server answers this with a plain 500; a Status says the same to clients.
            throw new StatusError(500, "InternalError", $"Internal Server Error: \"{request.Path}{request.QueryString}\": requested uid, groups or user-extra without impersonating a user");
        }
        if (!requester.Groups.Contains(FakeUser.MastersGroup))
        {
            throw Forbidden(requester, userName);
        }
        if (groups.Count == 0 && ServiceAccount(userName) is { } account)
        {
            groups.AddRange(FakeUser.ServiceAccountGroups(account.Namespace));
        }
        if (userName == FakeUser.AnonymousName)
        {
            if (!groups.Contains(FakeUser.UnauthenticatedGroup))
            {
                groups.Add(FakeUser.UnauthenticatedGroup);
            }
        }
        else if (!groups.Contains(FakeUser.AuthenticatedGroup) && !groups.Contains(FakeUser.UnauthenticatedGroup))
        {
            groups.Add(FakeUser.AuthenticatedGroup);
        }
        return new FakeUser(userName, uid, groups, extra);
    }

    private static StatusError Forbidden(FakeUser requester, string userName)
    {
        var (resource, name, scope) = ServiceAccount(userName) is { } account
            ? ("serviceaccounts", account.Name, $"in the namespace \"{account.Namespace}\"")
            : ("users", userName, "at the cluster scope");
        return new StatusError(403, "Forbidden",
            $"{resource} \"{name}\" is forbidden: User \"{requester.Name}\" cannot impersonate resource \"{resource}\" in API group \"\" {scope}",
            new JsonObject { ["name"] = name, ["kind"] = resource });
    }

    private static (string Namespace, string Name)? ServiceAccount(string userName) =>
        userName.StartsWith(FakeUser.ServiceAccountPrefix, StringComparison.Ordinal) &&
        userName[FakeUser.ServiceAccountPrefix.Length..].Split(':') is [{ Length: > 0 } @namespace, { Length: > 0 } name]
            ? (@namespace, name)
            : null;
}
