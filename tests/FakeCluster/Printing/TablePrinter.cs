using System.Text.Json.Nodes;
using PSKube.Client.Printing;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// Server-side printing: turns objects into a meta.k8s.io Table with the columns the real API server prints for
/// their kind (what `kubectl get` shows). The cells come from PSKube.Client's printers, the same code the module's
/// views use, so kubectl and PSKube can be compared on one output.
/// </summary>
public static class TablePrinter
{
    public static JsonObject Build(ResourceDefinition resource, IEnumerable<JsonObject> objects, string version, string includeObject, DateTimeOffset now, JsonObject listMeta)
    {
        var printer = ResourcePrinters.For(resource.Kind);
        var serverColumns = printer is null ? ServerColumns.For(resource.Kind) : null;
        printer ??= ResourcePrinters.Default;
        var definitions = new JsonArray();
        foreach (var column in serverColumns?.Columns ?? printer.Columns)
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
            foreach (var cell in serverColumns?.Cells(obj, now) ?? printer.Cells(Typed(resource, obj), now))
            {
                cells.Add(Cell(cell));
            }
            var row = new JsonObject { ["cells"] = cells };
            if (RowObject(obj, includeObject, version) is { } embedded)
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

    private static PSKube.Client.Models.KubeObject Typed(ResourceDefinition resource, JsonObject obj) =>
        ResourcePrinters.Deserialize(resource.Kind, obj.ToJsonString()) ?? throw new InvalidOperationException("A stored object cannot be null.");

    private static JsonNode? Cell(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        _ => JsonValue.Create(value.ToString()),
    };

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
