using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Api;

/// <summary>meta/v1 DeleteOptions from the body and the query string (the query wins, as on the API server).</summary>
public sealed record DeleteOptions(long? GracePeriodSeconds, string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion)
{
    private static readonly string[] Policies = ["Orphan", "Background", "Foreground"];

    public static DeleteOptions From(HttpRequest request, JsonNode? body)
    {
        long? grace = body?["gracePeriodSeconds"] is JsonValue g ? (long)g : null;
        var policy = (string?)body?["propagationPolicy"];
        if (long.TryParse(request.Query["gracePeriodSeconds"], out var queryGrace))
        {
            grace = queryGrace;
        }
        if (request.Query["propagationPolicy"].ToString() is { Length: > 0 } queryPolicy)
        {
            policy = queryPolicy;
        }
        if (grace < 0)
        {
            throw StatusError.Invalid("DeleteOptions", "", "", [("gracePeriodSeconds", "FieldValueInvalid", $"Invalid value: {grace}: must be greater than or equal to 0")]);
        }
        if (policy is not null && !Policies.Contains(policy))
        {
            throw StatusError.Invalid("DeleteOptions", "", "", [("propagationPolicy", "FieldValueNotSupported", $"Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")]);
        }
        return new DeleteOptions(grace, policy, (string?)body?["preconditions"]?["uid"], (string?)body?["preconditions"]?["resourceVersion"]);
    }

    /// <summary>409 when the caller's uid or resourceVersion precondition no longer holds.</summary>
    public void CheckPreconditions(ResourceDefinition resource, string name, JsonObject metadata)
    {
        if (PreconditionUid is not null && PreconditionUid != (string?)metadata["uid"])
        {
            throw StatusError.Conflict(resource.Plural, resource.Group, name,
                $"Precondition failed: UID in precondition: {PreconditionUid}, UID in object meta: {(string?)metadata["uid"]}");
        }
        if (PreconditionResourceVersion is not null && PreconditionResourceVersion != (string?)metadata["resourceVersion"])
        {
            throw StatusError.Conflict(resource.Plural, resource.Group, name,
                $"Precondition failed: ResourceVersion in precondition: {PreconditionResourceVersion}, ResourceVersion in object meta: {(string?)metadata["resourceVersion"]}");
        }
    }
}
