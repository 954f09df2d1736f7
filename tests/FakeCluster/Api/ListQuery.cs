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

    /// <summary>Whether the request has no selector: only then does a page say how many items remain.</summary>
    public bool SelectsEverything => _labels is null && _fields is null;

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

    /// <summary>
    /// The page of a list, from limit and continue. A continue token is the API server's: base64url JSON of the
    /// snapshot's resourceVersion and the key to go on from (the last key read and a NUL), relative to the list's key
    /// prefix (namespace/ when listing one namespace). <see cref="FromKey"/> is that key with the prefix.
    /// </summary>
    public sealed record Page(int? Limit, string? FromKey, long? ListVersion)
    {
        private const string TokenVersion = "meta.k8s.io/v1";

        // The API server's word for a continue token whose revision etcd has compacted away.
        private const string ContinueExpired =
            "The provided continue parameter is too old to display a consistent list result. You can start a new list " +
            "without the continue parameter, or use the continue token in this response to retrieve the remainder of the " +
            "results. Continuing with the provided token results in an inconsistent list - objects that were created, " +
            "modified, or deleted between the time the first chunk was returned and now may show up in the list.";

        public static Page From(HttpRequest request, string keyPrefix)
        {
            int? limit = int.TryParse(request.Query["limit"], out var l) && l > 0 ? l : null;
            var token = request.Query["continue"].ToString();
            if (token.Length == 0)
            {
                return new Page(limit, null, null);
            }
            if (request.Query["resourceVersion"].ToString() is { Length: > 0 } and not "0")
            {
                throw StatusError.BadRequest("specifying resource version is not allowed when using continue");
            }
            var (start, version) = Decode(token);
            return new Page(limit, keyPrefix + start, version);
        }

        /// <summary>The token for the page after <paramref name="lastKey"/>, read from the snapshot at <paramref name="listVersion"/>.</summary>
        public static string Token(string lastKey, string keyPrefix, long listVersion) =>
            Encode(lastKey[keyPrefix.Length..] + "\0", listVersion);

        /// <summary>
        /// 410 Expired for a token whose snapshot is gone. As on the API server, it carries a token that goes on from
        /// the same key in the current state (resourceVersion -1), for clients that accept an inconsistent list.
        /// </summary>
        public StatusError Expired(string keyPrefix) =>
            new(410, "Expired", ContinueExpired) { Continue = Encode(FromKey![keyPrefix.Length..], -1) };

        private static string Encode(string start, long listVersion) =>
            System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject
            {
                ["v"] = TokenVersion,
                ["rv"] = listVersion,
                ["start"] = start,
            }.ToJsonString()));

        private static (string Start, long Version) Decode(string token)
        {
            JsonObject? decoded;
            try
            {
                decoded = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token)) as JsonObject;
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                throw Invalid("continue key is not valid");
            }
            if ((string?)decoded?["v"] != TokenVersion)
            {
                throw Invalid("continue key is not valid: server does not recognize this encoded key");
            }
            if (decoded!["rv"] is not JsonValue rv || !rv.TryGetValue(out long version) || version == 0)
            {
                throw Invalid("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }
            if (decoded["start"] is not JsonValue start || !start.TryGetValue(out string? startKey) || startKey.Length == 0)
            {
                throw Invalid("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
            }
            return (startKey, version);
        }

        private static StatusError Invalid(string why) => StatusError.BadRequest($"invalid continue token: {why}");
    }
}
