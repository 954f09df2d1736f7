using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// Validation and admission of new and changed objects, and the serviceaccounts/token subresource (TokenRequest):
/// a signed JWT for the service account that this cluster then accepts as a bearer token until it expires.
/// </summary>
public sealed partial class ResourceHandler
{
    // What a cluster issues without --api-audiences: its own issuer, which is also the default audience.
    private const string TokenIssuer = "https://kubernetes.default.svc.cluster.local";

    private const long DefaultTokenSeconds = 3600;

    private readonly Lazy<RSA> _tokenKey = new(() => RSA.Create(2048));

    /// <summary>Refuses what the API server's validation and admission refuse; runs under the store's lock.</summary>
    private void Admit(ResourceDefinition resource, JsonObject obj, JsonObject? existing)
    {
        ObjectValidation.Validate(resource, obj, existing);
        if (resource.Kind == "Service")
        {
            ServiceValidation.Validate(obj);
        }
        if (resource.Kind == "PriorityClass")
        {
            var classes = store.List(resource, null, _ => true).Select(c => c.Object);
            ObjectValidation.AdmitPriorityClass(classes, obj, creating: existing is null);
        }
    }

    private async Task CreateTokenAsync(HttpContext context, RequestTarget target)
    {
        var write = await WriteRequest.ReadAsync(context);
        var request = write.Body as JsonObject ?? new JsonObject();
        if ((string?)request["apiVersion"] is { } apiVersion && apiVersion != "authentication.k8s.io/v1")
        {
            throw StatusError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version (authentication.k8s.io/v1)");
        }
        JsonObject account;
        lock (store.Gate)
        {
            account = Existing(target);
        }
        var spec = request["spec"] as JsonObject ?? new JsonObject();
        var seconds = ObjectFields.Long(spec["expirationSeconds"], DefaultTokenSeconds);
        var problem = seconds < 600 ? "may not specify a duration less than 10 minutes"
            : seconds > 1L << 32 ? "may not specify a duration larger than 2^32 seconds"
            : null;
        if (problem is not null)
        {
            throw StatusError.Invalid("TokenRequest", "authentication.k8s.io", (string?)request["metadata"]?["name"] ?? "",
                [("spec.expirationSeconds", "FieldValueInvalid", $"Invalid value: {seconds}: {problem}")]);
        }
        var audiences = spec["audiences"] is JsonArray { Count: > 0 } given ? given.DeepClone().AsArray() : new JsonArray(TokenIssuer);
        var now = clock.Now;
        var expires = now.AddSeconds(seconds);
        var accountName = (string)account["metadata"]!["name"]!;
        var user = $"system:serviceaccount:{target.Namespace}:{accountName}";
        var token = SignedToken(new JsonObject
        {
            ["aud"] = audiences.DeepClone(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = TokenIssuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["kubernetes.io"] = new JsonObject
            {
                ["namespace"] = target.Namespace,
                ["serviceaccount"] = new JsonObject { ["name"] = accountName, ["uid"] = (string?)account["metadata"]!["uid"] },
            },
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = user,
        });
        if (!write.DryRun)
        {
            authenticator.AddToken(token, user, expires);
        }
        var response = new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = accountName, ["namespace"] = target.Namespace, ["creationTimestamp"] = null },
            ["spec"] = new JsonObject { ["audiences"] = audiences, ["expirationSeconds"] = seconds, ["boundObjectRef"] = spec["boundObjectRef"]?.DeepClone() },
            ["status"] = new JsonObject { ["token"] = write.DryRun ? "" : token, ["expirationTimestamp"] = KubeTime.Format(expires) },
        };
        await HttpJson.WriteAsync(context, 201, response);
    }

    /// <summary>A JWT signed RS256 with this cluster's service account key, as kube-apiserver issues them.</summary>
    private string SignedToken(JsonObject claims)
    {
        var key = _tokenKey.Value;
        var keyId = Base64Url(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = keyId };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
