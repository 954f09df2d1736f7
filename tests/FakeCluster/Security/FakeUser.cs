namespace PSKube.FakeCluster.Security;

/// <summary>The user a request runs as (the API server's user.Info): name, uid, groups and extra information.</summary>
public sealed record FakeUser(string Name, string Uid, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public const string AuthenticatedGroup = "system:authenticated";
    public const string UnauthenticatedGroup = "system:unauthenticated";
    public const string MastersGroup = "system:masters";
    public const string AnonymousName = "system:anonymous";
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoExtra = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// An authenticated user with the groups the API server gives it: a service account's two groups, the
    /// certificate's organizations for others, and system:authenticated for all.
    /// </summary>
    public static FakeUser Authenticated(string name, IEnumerable<string>? groups = null)
    {
        List<string> all = [.. groups ?? []];
        if (name.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal) && name[ServiceAccountPrefix.Length..].Split(':') is [var @namespace, _])
        {
            all.AddRange(ServiceAccountGroups(@namespace));
        }
        all.Add(AuthenticatedGroup);
        return new FakeUser(name, "", all, NoExtra);
    }

    public static IEnumerable<string> ServiceAccountGroups(string @namespace) => ["system:serviceaccounts", $"system:serviceaccounts:{@namespace}"];
}
