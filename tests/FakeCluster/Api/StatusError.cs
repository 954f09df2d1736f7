using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Api;

/// <summary>A failure the API server reports as a Status object, with the HTTP code and reason Kubernetes uses.</summary>
public sealed class StatusError(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? Details { get; } = details;

    /// <summary>A continue token for the Status's list metadata (a 410 for an expired continue token offers one).</summary>
    public string? Continue { get; init; }

    public JsonObject ToStatus()
    {
        var status = StatusObject.Failure(Code, Reason, Message, Details?.DeepClone().AsObject());
        if (Continue is not null)
        {
            status["metadata"]!["continue"] = Continue;
        }
        return status;
    }

    public static StatusError NotFound(string resource, string group, string name) =>
        new(404, "NotFound", $"{Qualified(resource, group)} \"{name}\" not found", Describe(name, group, resource));

    public static StatusError AlreadyExists(string resource, string group, string name) =>
        new(409, "AlreadyExists", $"{Qualified(resource, group)} \"{name}\" already exists", Describe(name, group, resource));

    public static StatusError Conflict(string resource, string group, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {Qualified(resource, group)} \"{name}\": {why}", Describe(name, group, resource));

    public static StatusError BadRequest(string message) => new(400, "BadRequest", message);

    public static StatusError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static StatusError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");

    public static StatusError Expired(string message) => new(410, "Expired", message);

    /// <summary>422 Invalid with field causes, worded as the API server words validation failures.</summary>
    public static StatusError Invalid(string kind, string group, string name, IReadOnlyList<(string Field, string Reason, string Message)> causes)
    {
        var details = Describe(name, group, null, kind);
        var causeArray = new JsonArray();
        foreach (var (field, reason, message) in causes)
        {
            causeArray.Add(new JsonObject { ["reason"] = reason, ["message"] = message, ["field"] = field });
        }
        details["causes"] = causeArray;
        var list = causes.Select(c => $"{c.Field}: {c.Message}").ToList();
        var summary = list.Count == 1 ? list[0] : "[" + string.Join(", ", list) + "]";
        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        return new StatusError(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {summary}", details);
    }

    private static string Qualified(string resource, string group) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static JsonObject Describe(string name, string group, string? resource, string? kind = null)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }
        details["kind"] = resource ?? kind;
        return details;
    }
}
