using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Security;

/// <summary>
/// authentication.k8s.io/v1 SelfSubjectReview (kubectl auth whoami): a create-only, cluster-scoped resource
/// that stores nothing and answers with the user the request runs as, after impersonation.
/// </summary>
public static class SelfSubjectReviews
{
    public const string Group = "authentication.k8s.io";

    /// <summary>What discovery says of it, as the API server says it.</summary>
    public static ResourceDefinition Definition { get; } =
        new(Group, "v1", "SelfSubjectReview", "selfsubjectreviews", "selfsubjectreview", false, ["create"], [], [], []);

    public static async Task HandleAsync(HttpContext context, FakeUser user)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            throw StatusError.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
        var userInfo = new JsonObject { ["username"] = user.Name };
        if (user.Uid.Length > 0)
        {
            userInfo["uid"] = user.Uid;
        }
        if (user.Groups.Count > 0)
        {
            userInfo["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode?)g)]);
        }
        if (user.Extra.Count > 0)
        {
            var extra = new JsonObject();
            foreach (var (key, values) in user.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                extra[key] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            }
            userInfo["extra"] = extra;
        }
        var review = new JsonObject
        {
            ["kind"] = "SelfSubjectReview",
            ["apiVersion"] = $"{Group}/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["status"] = new JsonObject { ["userInfo"] = userInfo },
        };
        await HttpJson.WriteAsync(context, 201, review);
    }
}
