using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Protobuf;

namespace PSKube.FakeCluster.Api;

/// <summary>The parts of a write request every verb needs: the decoded body, dry-run and the field manager.</summary>
public sealed class WriteRequest
{
    private WriteRequest(JsonNode? body, string contentType, bool dryRun, string? fieldManager, string manager)
    {
        Body = body;
        ContentType = contentType;
        DryRun = dryRun;
        FieldManagerParameter = fieldManager;
        Manager = manager;
    }

    public JsonNode? Body { get; }

    /// <summary>The media type of the body without parameters, lower case.</summary>
    public string ContentType { get; }

    public bool DryRun { get; }

    /// <summary>The fieldManager query parameter as sent (server-side apply requires it).</summary>
    public string? FieldManagerParameter { get; }

    /// <summary>The manager recorded in managedFields: fieldManager, else the User-Agent's program name as the real server derives it.</summary>
    public string Manager { get; }

    public static async Task<WriteRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var dryRunValues = request.Query["dryRun"];
        foreach (var value in dryRunValues)
        {
            if (value != "All")
            {
                throw StatusError.BadRequest($"Invalid dry run value: \"{value}\" (supported values: \"All\")");
            }
        }
        var fieldManager = request.Query["fieldManager"].ToString();
        var userAgent = request.Headers.UserAgent.ToString();
        var manager = fieldManager.Length > 0 ? fieldManager : ManagerFromUserAgent(userAgent);

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var bytes = buffer.ToArray();
        var contentType = (request.ContentType ?? MediaTypes.Json).Split(';')[0].Trim().ToLowerInvariant();
        JsonNode? body = bytes.Length == 0 ? null : contentType switch
        {
            MediaTypes.Protobuf => DecodeProtobuf(bytes),
            MediaTypes.Yaml or MediaTypes.ApplyPatch => YamlBody(bytes),
            MediaTypes.Json or MediaTypes.MergePatch or MediaTypes.JsonPatch or MediaTypes.StrategicMergePatch => HttpJson.Parse(bytes),
            _ => throw StatusError.UnsupportedMediaType(contentType),
        };
        return new WriteRequest(body, contentType, dryRunValues.Count > 0, fieldManager.Length > 0 ? fieldManager : null, manager);
    }

    /// <summary>The body as an object of the request's resource, its kind and apiVersion checked or filled in.</summary>
    public JsonObject ObjectFor(ResourceDefinition resource)
    {
        if (Body is not JsonObject obj)
        {
            throw StatusError.BadRequest("Object 'Kind' is missing in the request body");
        }
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        if (apiVersion is not null && apiVersion != resource.ApiVersion)
        {
            throw StatusError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        }
        if (kind is not null && kind != resource.Kind)
        {
            throw StatusError.BadRequest($"{kind} in version \"{resource.Version}\" cannot be handled as a {resource.Kind}: the kind in the data does not match the expected kind ({resource.Kind})");
        }
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        obj["metadata"] ??= new JsonObject();
        return obj;
    }

    /// <summary>"kubectl/v1.32.4 (linux/amd64) kubernetes/abc" gives "kubectl", as the API server's default manager.</summary>
    private static string ManagerFromUserAgent(string userAgent)
    {
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? userAgent : userAgent[..slash];
        return name.Length > 0 ? name : "unknown";
    }

    private static JsonObject DecodeProtobuf(byte[] bytes)
    {
        try
        {
            return KubeProtobuf.DecodeObject(bytes);
        }
        catch (KubeProtobufException e)
        {
            throw StatusError.BadRequest($"error decoding protobuf request body: {e.Message}");
        }
    }

    private static JsonNode? YamlBody(byte[] bytes)
    {
        try
        {
            return PSKube.Client.Manifests.YamlJson.ToJson(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (PSKube.Client.Manifests.ManifestException e)
        {
            throw StatusError.BadRequest($"error decoding YAML: {e.Message}");
        }
    }
}
