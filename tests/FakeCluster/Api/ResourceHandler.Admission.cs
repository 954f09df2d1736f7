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
        var spec = request["spec"] as JsonObject ?? new JsonObject();
        lock (store.Gate)
        {
            account = Existing(target);
            CheckBoundObject(spec["boundObjectRef"] as JsonObject, target);
        }
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

    /// <summary>
    /// The object a token is bound to must exist (a pod or secret in the service account's namespace, or a node), a
    /// pod must run as that service account, and a given uid must be the object's: as the API server's TokenREST.
    /// </summary>
    private void CheckBoundObject(JsonObject? reference, RequestTarget target)
    {
        if (reference is null)
        {
            return;
        }
        var kind = (string?)reference["kind"] ?? "";
        var apiVersion = (string?)reference["apiVersion"] ?? "";
        var name = (string?)reference["name"] ?? "";
        var resource = apiVersion == "v1" ? kind switch
        {
            "Pod" => BuiltInResources.Find("pods"),
            "Secret" => BuiltInResources.Find("secrets"),
            "Node" => BuiltInResources.Find("nodes"),
            _ => null,
        } : null;
        if (resource is null)
        {
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var groupVersion = slash < 0 ? $"/{apiVersion}" : $"{apiVersion[..slash]}/{apiVersion[(slash + 1)..]}";
            throw StatusError.BadRequest($"cannot bind token for object of type {groupVersion}, Kind={kind}");
        }
        var bound = store.Get(resource, resource.Namespaced ? target.Namespace : null, name)
                    ?? throw StatusError.NotFound(resource.Plural, resource.Group, name);
        // The real server's admission gives every pod a serviceAccountName (default); this cluster leaves it unset.
        if (kind == "Pod" && ((string?)bound["spec"]?["serviceAccountName"] ?? "default") != target.Name)
        {
            throw StatusError.BadRequest($"cannot bind token for serviceaccount \"{target.Name}\" to pod running with different serviceaccount name.");
        }
        var uid = (string?)reference["uid"];
        if (!string.IsNullOrEmpty(uid) && uid != (string?)bound["metadata"]?["uid"])
        {
            throw StatusError.Conflict(kind, "", name,
                $"the UID in the bound object reference ({uid}) does not match the UID in record. The object might have been deleted and then recreated");
        }
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
