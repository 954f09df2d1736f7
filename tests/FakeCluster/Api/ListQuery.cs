using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.Client.Selectors;

namespace PSKube.FakeCluster.Api;

/// <summary>The selectors of a list or watch request, checked as the API server checks them.</summary>
public sealed class ListQuery
{
    // The field labels each resource supports besides metadata.name and metadata.namespace, as the real server's
    // field-label conversion functions accept them.
    private static readonly Dictionary<string, string[]> ExtraFieldLabels = new()
    {
        ["pods"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["secrets"] = ["type"],
        ["namespaces"] = ["status.phase"],
        ["nodes"] = ["spec.unschedulable"],
        ["replicasets"] = ["status.replicas"],
        ["replicationcontrollers"] = ["status.replicas"],
        ["jobs"] = ["status.successful"],
    };

    private readonly LabelSelector? _labels;
    private readonly FieldSelector? _fields;

    private ListQuery(LabelSelector? labels, FieldSelector? fields)
    {
        _labels = labels;
        _fields = fields;
    }

    public static ListQuery From(HttpRequest request, ResourceDefinition resource)
    {
        LabelSelector? labels = null;
        FieldSelector? fields = null;
        var labelText = request.Query["labelSelector"].ToString();
        if (labelText.Length > 0)
        {
            try
            {
                labels = LabelSelector.Parse(labelText);
            }
            catch (LabelSelectorException e)
            {
                throw StatusError.BadRequest(e.Message);
            }
        }
        var fieldText = request.Query["fieldSelector"].ToString();
        if (fieldText.Length > 0)
        {
            try
            {
                fields = FieldSelector.Parse(fieldText);
            }
            catch (FieldSelectorException e)
            {
                throw StatusError.BadRequest(e.Message);
            }
            var supported = ExtraFieldLabels.GetValueOrDefault(resource.Plural, []);
            foreach (var requirement in fields.Requirements)
            {
                if (requirement.Field is not ("metadata.name" or "metadata.namespace") && !supported.Contains(requirement.Field))
                {
                    throw StatusError.BadRequest($"field label not supported: {requirement.Field}");
                }
            }
        }
        return new ListQuery(labels, fields);
    }

    public bool Matches(JsonObject obj)
    {
        if (_labels is not null && !_labels.Matches(Labels(obj)))
        {
            return false;
        }
        return _fields is null || _fields.Matches(field => FieldValue(obj, field));
    }

    private static Dictionary<string, string> Labels(JsonObject obj) =>
        (obj["metadata"]?["labels"] as JsonObject)?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "") ?? [];

    /// <summary>The value of a dotted field path as the server compares it: strings as they are, other scalars as text.</summary>
    private static string? FieldValue(JsonObject obj, string field)
    {
        JsonNode? node = obj;
        foreach (var part in field.Split('.'))
        {
            node = node?[part];
        }
        return node switch
        {
            null => field is "spec.unschedulable" or "spec.hostNetwork" ? "false" : "",
            JsonValue value when value.TryGetValue(out string? text) => text,
            JsonValue value => value.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>The page of a list: where to start and how many, from limit and continue.</summary>
    public sealed record Page(int? Limit, string? StartAfter, long? ListVersion)
    {
        public static Page From(HttpRequest request, DateTimeOffset now)
        {
            int? limit = int.TryParse(request.Query["limit"], out var l) && l > 0 ? l : null;
            var token = request.Query["continue"].ToString();
            if (token.Length == 0)
            {
                return new Page(limit, null, null);
            }
            JsonObject? decoded;
            try
            {
                decoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token))) as JsonObject;
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                throw StatusError.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }
            if (decoded?["start"] is not JsonValue start || decoded["rv"] is not JsonValue rv || decoded["issued"] is not JsonValue issued)
            {
                throw StatusError.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }
            // A real server compacts old revisions after about five minutes, and then continuing is refused.
            if (now - DateTimeOffset.FromUnixTimeSeconds((long)issued) > TimeSpan.FromMinutes(5))
            {
                throw StatusError.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }
            return new Page(limit, (string)start!, (long)rv);
        }

        public static string Token(string lastKey, long listVersion, DateTimeOffset now) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
            {
                ["v"] = "meta.k8s.io/v1",
                ["rv"] = listVersion,
                ["start"] = lastKey,
                ["issued"] = now.ToUnixTimeSeconds(),
            }.ToJsonString()));
    }
}
