using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Printing;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// Server-side printing: writes objects as a meta.k8s.io Table with the columns the real API server prints for
/// their kind (what `kubectl get` shows). The cells come from PSKube.Client's printers, the same code the module's
/// views use, so kubectl and PSKube can be compared on one output. The Table is written row by row, straight to the
/// response: each row's object (or its metadata) is copied from the stored JSON, and each stored version is decoded
/// into its typed model once, however often it is printed.
/// </summary>
public static class TablePrinter
{
    /// <summary>Writes the Table of <paramref name="objects"/> at once (one object's, or a watch event's).</summary>
    public static void Write(Utf8JsonWriter writer, ResourceDefinition resource, IEnumerable<StoredObject> objects, string version, string includeObject, DateTimeOffset now, JsonObject listMeta)
    {
        foreach (var part in Parts(resource, objects, version, includeObject, now, listMeta))
        {
            part(writer);
        }
    }

    /// <summary>The Table of <paramref name="objects"/> in parts to write one after the other: its start, each row, its end.</summary>
    public static IEnumerable<Action<Utf8JsonWriter>> Parts(ResourceDefinition resource, IEnumerable<StoredObject> objects, string version, string includeObject, DateTimeOffset now, JsonObject listMeta)
    {
        var printer = ResourcePrinters.For(resource.Kind);
        var serverColumns = printer is null ? ServerColumns.For(resource.Kind) : null;
        printer ??= ResourcePrinters.Default;
        yield return writer =>
        {
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
        };
        foreach (var stored in objects)
        {
            yield return writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("cells");
                foreach (var cell in serverColumns?.Cells(stored.Object, now) ?? printer.Cells(Typed(resource, stored), now))
                {
                    WriteCell(writer, cell);
                }
                writer.WriteEndArray();
                WriteRowObject(writer, stored, includeObject, version);
                writer.WriteEndObject();
            };
        }
        yield return writer =>
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        };
    }

    private static PSKube.Client.Models.KubeObject Typed(ResourceDefinition resource, StoredObject stored) =>
        stored.Decoded(json => ResourcePrinters.Deserialize(resource.Kind, Encoding.UTF8.GetString(json.Span))
                               ?? throw new InvalidOperationException("A stored object cannot be null."));

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

    private static void WriteRowObject(Utf8JsonWriter writer, StoredObject stored, string includeObject, string version)
    {
        switch (includeObject)
        {
            case "None":
                return;
            case "Object":
                writer.WritePropertyName("object");
                writer.WriteRawValue(stored.Json.Span, skipInputValidation: true);
                return;
            default:
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", $"meta.k8s.io/{version}");
                writer.WritePropertyName("metadata");
                if (stored.Field("metadata") is { IsEmpty: false } metadata)
                {
                    writer.WriteRawValue(metadata.Span, skipInputValidation: true);
                }
                else
                {
                    writer.WriteNullValue();
                }
                writer.WriteEndObject();
                return;
        }
    }
}
