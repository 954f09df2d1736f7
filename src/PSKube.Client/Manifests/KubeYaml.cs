using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PSKube.Client.Manifests;

/// <summary>
/// Kubernetes objects to and from YAML manifests, as `kubectl get -o yaml` writes them and `kubectl apply -f` reads
/// them: block style in the object's own field order, strings quoted where YAML 1.1 or 1.2 would read them as
/// something else (<see cref="YamlStringQuoting"/>), several documents separated by `---`, and errors that give
/// the line.
/// </summary>
public static class KubeYaml
{
    // No line folding (kubectl writes long strings, such as last-applied-configuration, on one line) and "\n" on
    // every platform, as kubectl.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n");

    /// <summary>One object (typed or generic) as a YAML document, without managedFields unless asked.</summary>
    public static string ToYaml(KubeObject obj, bool includeManagedFields = false) =>
        ToYaml(WireForm.Of(obj, includeManagedFields));

    /// <summary>Any JSON value as a YAML document.</summary>
    public static string ToYaml(JsonNode? node)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Several objects as one multi-document manifest.</summary>
    public static string ToYaml(IEnumerable<KubeObject> objects, bool includeManagedFields = false) =>
        string.Join("---\n", objects.Select(obj => ToYaml(obj, includeManagedFields)));

    /// <summary>
    /// Reads every document of a manifest into typed objects (the model of its kind, else
    /// <see cref="GenericKubeObject"/>), Lists unrolled into their items. Documents without apiVersion and kind
    /// are refused with their number.
    /// </summary>
    public static IReadOnlyList<KubeObject> ObjectsFromYaml(string yaml) => ManifestObjects.Read(YamlJson.Read(yaml), "document");

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Empty maps and lists are written in flow style, as kubectl does: `emptyDir: {}`.
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key, isKey: true);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case null:
                EmitPlain(emitter, "null");
                break;
            default:
                // Numbers and booleans: their JSON text is the same YAML value.
                EmitPlain(emitter, node.ToJsonString());
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text, bool isKey = false)
    {
        // Text with line breaks as a literal block (`|`), as kubectl writes values; double quotes where a reader would
        // take the text for another type or a block cannot hold it. Other syntax (indicators, ": ") the emitter
        // quotes itself.
        var style = YamlStringQuoting.NeedsQuotes(text) || YamlStringQuoting.NeedsEscapes(text) ? ScalarStyle.DoubleQuoted
            : !text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Any
            : isKey || text.Trim('\n').Length == 0 ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Literal;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static void EmitPlain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
}
