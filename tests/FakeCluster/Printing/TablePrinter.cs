using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Printing;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// Server-side printing: writes objects as a meta.k8s.io Table with the columns the real API server prints for
/// their kind (what `kubectl get` shows). The cells come from PSKube.Client's printers, the same code the module's
/// views use, so kubectl and PSKube can be compared on one output. The Table is written straight to the response,
/// reading the objects without copying them.
/// </summary>
public static class TablePrinter
{
    /// <summary>
    /// Writes the Table of <paramref name="objects"/>: each a tree to read (never changed) and, when at hand, its JSON,
    /// which saves serializing the tree again to read it into its typed model.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ResourceDefinition resource, IEnumerable<(JsonObject Object, ReadOnlyMemory<byte> Json)> objects, string version, string includeObject, DateTimeOffset now, JsonObject listMeta)
    {
        var printer = ResourcePrinters.For(resource.Kind);
        var serverColumns = printer is null ? ServerColumns.For(resource.Kind) : null;
        printer ??= ResourcePrinters.Default;
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", $"meta.k8s.io/{version}");
        writer.WritePropertyName("metadata");
        listMeta.WriteTo(writer);
        writer.WriteStartArray("columnDefinitions");
        foreach (var column in serverColumns?.Columns ?? printer.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteString("format", column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        foreach (var (obj, json) in objects)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cells");
            foreach (var cell in serverColumns?.Cells(obj, now) ?? printer.Cells(Typed(resource, obj, json), now))
            {
                WriteCell(writer, cell);
            }
            writer.WriteEndArray();
            WriteRowObject(writer, obj, includeObject, version);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static PSKube.Client.Models.KubeObject Typed(ResourceDefinition resource, JsonObject obj, ReadOnlyMemory<byte> json) =>
        ResourcePrinters.Deserialize(resource.Kind, json.IsEmpty ? obj.ToJsonString() : Encoding.UTF8.GetString(json.Span))
        ?? throw new InvalidOperationException("A stored object cannot be null.");

    private static void WriteCell(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteRowObject(Utf8JsonWriter writer, JsonObject obj, string includeObject, string version)
    {
        switch (includeObject)
        {
            case "None":
                return;
            case "Object":
                writer.WritePropertyName("object");
                obj.WriteTo(writer);
                return;
            default:
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", $"meta.k8s.io/{version}");
                if (obj["metadata"] is { } metadata)
                {
                    writer.WritePropertyName("metadata");
                    metadata.WriteTo(writer);
                }
                else
                {
                    writer.WriteNull("metadata");
                }
                writer.WriteEndObject();
                return;
        }
    }
}
