using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.OpenApi;

/// <summary>
/// The /openapi/v3 documents, as far as kubectl needs them: an index of group-versions, and per group-version the
/// create and patch operations with their group-version-kind and query parameters (kubectl checks that
/// fieldValidation is supported before sending it). Schemas are left out on purpose: without them kubectl builds
/// strategic merge patches from its own compiled-in types, which know every merge key.
/// </summary>
public static class OpenApiDocuments
{
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation", "pretty"];

    public static JsonObject Index(IReadOnlyList<ResourceDefinition> resources)
    {
        var paths = new JsonObject();
        foreach (var key in GroupVersionKeys(resources))
        {
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={Hash(Document(resources, key)!)}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document for "api/v1" or "apis/GROUP/VERSION"; null for an unknown one.</summary>
    public static JsonObject? Document(IReadOnlyList<ResourceDefinition> resources, string key)
    {
        var members = resources.Where(r => GroupVersionKey(r) == key).ToList();
        if (members.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        foreach (var resource in members)
        {
            var gvk = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind };
            var collection = resource.Namespaced
                ? $"{resource.GroupVersionPath}/namespaces/{{namespace}}/{resource.Plural}"
                : $"{resource.GroupVersionPath}/{resource.Plural}";
            paths[collection] = new JsonObject { ["post"] = Operation("post", resource, gvk, WriteParameters) };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["patch"] = Operation("patch", resource, gvk, [.. WriteParameters, "force"]),
                ["put"] = Operation("put", resource, gvk, WriteParameters),
            };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.4" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject Operation(string verb, ResourceDefinition resource, JsonObject gvk, IEnumerable<string> queryParameters)
    {
        var parameters = new JsonArray();
        foreach (var name in queryParameters)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "query",
                ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true },
            });
        }
        return new JsonObject
        {
            ["operationId"] = verb + resource.Kind,
            ["parameters"] = parameters,
            ["x-kubernetes-action"] = verb,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
    }

    private static IEnumerable<string> GroupVersionKeys(IReadOnlyList<ResourceDefinition> resources) =>
        resources.Select(GroupVersionKey).Distinct().OrderBy(k => k, StringComparer.Ordinal);

    private static string GroupVersionKey(ResourceDefinition resource) => resource.GroupVersionPath.TrimStart('/');

    private static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..16];
}
