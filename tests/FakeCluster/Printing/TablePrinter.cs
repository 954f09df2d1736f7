using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// Server-side printing: turns objects into a meta.k8s.io Table with the columns the real API server prints for
/// their kind (what `kubectl get` shows). Kinds without columns of their own get Name and Created At.
/// </summary>
public static class TablePrinter
{
    public static JsonObject Build(ResourceDefinition resource, IEnumerable<JsonObject> objects, string version, string includeObject, DateTimeOffset now, JsonObject listMeta)
    {
        var columns = KindColumns.For(resource.Kind);
        var definitions = new JsonArray();
        foreach (var column in columns)
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray();
            foreach (var column in columns)
            {
                cells.Add(column.Cell(obj, now));
            }
            var row = new JsonObject { ["cells"] = cells };
            var embedded = RowObject(obj, includeObject, version);
            if (embedded is not null)
            {
                row["object"] = embedded;
            }
            rows.Add(row);
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = $"meta.k8s.io/{version}",
            ["metadata"] = listMeta.DeepClone(),
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private static JsonObject? RowObject(JsonObject obj, string includeObject, string version) => includeObject switch
    {
        "None" => null,
        "Object" => obj.DeepClone().AsObject(),
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = $"meta.k8s.io/{version}",
            ["metadata"] = obj["metadata"]?.DeepClone(),
        },
    };
}

/// <summary>One column of a Table: its definition and how a row's cell is computed from the object.</summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell);

/// <summary>The columns of each kind. Kinds without an entry print Name and Created At, as the real server does.</summary>
public static partial class KindColumns
{
    public static IReadOnlyList<TableColumn> For(string kind) => ByKind.TryGetValue(kind, out var columns) ? columns : Default;

    private static readonly TableColumn NameColumn = new("Name", "string", "name", "The object's name.", 0, (o, _) => (string?)o["metadata"]?["name"]);

    private static readonly IReadOnlyList<TableColumn> Default =
    [
        NameColumn,
        new("Created At", "date", "", "When the object was created.", 0, (o, _) => (string?)o["metadata"]?["creationTimestamp"]),
    ];

    private static readonly Dictionary<string, IReadOnlyList<TableColumn>> ByKind = new();

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString();

    internal static DateTimeOffset? Created(JsonObject obj) => KubeTime.Parse((string?)obj["metadata"]?["creationTimestamp"]);
}
