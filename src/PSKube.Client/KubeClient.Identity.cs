using System.Text.Json.Nodes;
using PSKube.Client.Operations;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    private const string SelfSubjectReviewsPath = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

    /// <summary>
    /// Asks the server who this client is, as <c>kubectl auth whoami</c> does: it creates a SelfSubjectReview
    /// (authentication.k8s.io/v1, GA since Kubernetes 1.28) and reads its status.userInfo.
    /// </summary>
    public async Task<KubeIdentity> GetIdentityAsync(CancellationToken cancellationToken)
    {
        var review = new JsonObject { ["kind"] = "SelfSubjectReview", ["apiVersion"] = "authentication.k8s.io/v1", ["metadata"] = new JsonObject() };
        var answer = await SendForRawAsync(Request(HttpMethod.Post, SelfSubjectReviewsPath, body: Body(review.ToJsonString())), cancellationToken);
        var user = answer["status"]?["userInfo"] as JsonObject;
        var extra = (user?["extra"] as JsonObject ?? new JsonObject())
            .ToDictionary(e => e.Key, e => (IReadOnlyList<string>)Strings(e.Value), StringComparer.Ordinal);
        return new KubeIdentity((string?)user?["username"] ?? "", (string?)user?["uid"] ?? "", Strings(user?["groups"]), extra, Context.ContextName);
    }

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(item => (string?)item ?? "")] : [];
}
