using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>One entry of <c>metadata.managedFields</c>: a manager, how it wrote, and the fields it owns.</summary>
public sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, DateTimeOffset? Time, FieldSet Fields, string? Subresource = null)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>
    /// Who the server considers the same manager: appliers are one manager whatever apiVersion they use,
    /// updaters are distinct per apiVersion. Written as the JSON the server uses for that identity.
    /// </summary>
    public string Identity
    {
        get
        {
            var json = new JsonObject { ["manager"] = Manager, ["operation"] = Operation };
            if (Operation != ApplyOperation && ApiVersion.Length > 0)
            {
                json["apiVersion"] = ApiVersion;
            }

            if (!string.IsNullOrEmpty(Subresource))
            {
                json["subresource"] = Subresource;
            }

            return json.ToJsonString();
        }
    }

    /// <summary>The manager as conflict messages name it: <c>"kubectl"</c> for an applier,
    /// <c>"kubectl-client-side-apply" using apps/v1</c> for an updater.</summary>
    public string Describe()
    {
        var described = Quote(Manager);
        if (!string.IsNullOrEmpty(Subresource))
        {
            described += " with subresource " + Quote(Subresource);
        }

        return Operation == UpdateOperation ? $"{described} using {ApiVersion}" : described;
    }

    /// <summary>The entry as the server writes it, members in the server's order.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is { } time)
        {
            json["time"] = FormatTime(time);
        }

        json["fieldsType"] = "FieldsV1";
        json["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            json["subresource"] = Subresource;
        }

        return json;
    }

    /// <summary>Reads an entry; null when it is not a FieldsV1 entry with a manager and an operation.</summary>
    public static ManagedFieldsEntry? FromJson(JsonNode? node)
    {
        if (node is not JsonObject json || Text(json, "manager") is not { } manager || Text(json, "operation") is not { } operation ||
            Text(json, "fieldsType") is not (null or "FieldsV1"))
        {
            return null;
        }

        DateTimeOffset? time = DateTimeOffset.TryParse(Text(json, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        var fields = json["fieldsV1"] is JsonObject fieldsV1 ? FieldSet.FromFieldsV1(fieldsV1) : new FieldSet();
        return new ManagedFieldsEntry(manager, operation, Text(json, "apiVersion") ?? "", time, fields, Text(json, "subresource"));
    }

    /// <summary>RFC 3339 in UTC with whole seconds, as metav1.Time is serialized.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
