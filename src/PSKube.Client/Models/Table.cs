using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// meta.k8s.io/v1 Table: the server's own rendering of a list, as kubectl prints it. Written by hand because the
/// OpenAPI schema does not describe it.
/// </summary>
public sealed class Table
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("metadata")] public ListMeta? Metadata { get; set; }
    [JsonPropertyName("columnDefinitions")] public List<TableColumnDefinition>? ColumnDefinitions { get; set; }
    [JsonPropertyName("rows")] public List<TableRow>? Rows { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class TableColumnDefinition
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("priority")] public int? Priority { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class TableRow
{
    /// <summary>Cell values in column order: strings, numbers, booleans or null, as the server sent them.</summary>
    [JsonPropertyName("cells")] public List<JsonNode?>? Cells { get; set; }

    /// <summary>The row's object: PartialObjectMetadata by default, the whole object with includeObject=Object.</summary>
    [JsonPropertyName("object")] public JsonObject? Object { get; set; }

    [JsonPropertyName("conditions")] public List<JsonNode?>? Conditions { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Table))]
internal sealed partial class TableJsonContext : JsonSerializerContext;
