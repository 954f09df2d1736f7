using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Client.Editing;

/// <summary>
/// A patch as kubectl patch -p takes it (JSON or YAML text) or as PowerShell values, checked before any request: a
/// merge or strategic patch is an object, a JSON patch a list of operations each with a known op and a path.
/// </summary>
public static class PatchDocument
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal) { "add", "remove", "replace", "move", "copy", "test" };

    // The API groups a Kubernetes 1.32 API server serves itself: their kinds take strategic merge patches, custom
    // resources do not (the server answers 415).
    private static readonly HashSet<string> BuiltInGroups = new(StringComparer.Ordinal)
    {
        "", "apps", "batch", "autoscaling", "policy", "admissionregistration.k8s.io", "apiextensions.k8s.io",
        "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "certificates.k8s.io",
        "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
        "internal.apiserver.k8s.io", "networking.k8s.io", "node.k8s.io", "rbac.authorization.k8s.io",
        "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "storagemigration.k8s.io",
    };

    /// <summary>Whether objects of <paramref name="resource"/> take a strategic merge patch (built-in kinds only).</summary>
    public static bool TakesStrategicPatch(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return BuiltInGroups.Contains(resource.Group);
    }

    /// <summary>
    /// The patch in <paramref name="input"/>: text is read as JSON or YAML, anything else converted with
    /// <see cref="JsonValues.FromValue"/>. Errors are <see cref="KubeInputException"/>s for <paramref name="parameter"/>.
    /// </summary>
    public static JsonNode Read(object input, PatchKind kind, string parameter, Func<object, object?>? unwrap = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = unwrap is null ? input : unwrap(input);
        // Lines of text (Get-Content patch.yaml) are one text.
        if (value is System.Collections.IEnumerable and not string and not System.Collections.IDictionary)
        {
            var items = ((System.Collections.IEnumerable)value).Cast<object?>().Select(i => i is null || unwrap is null ? i : unwrap(i)).ToList();
            if (items.Count > 0 && items.All(i => i is string))
            {
                value = string.Join('\n', items);
            }
        }
        var node = value is string text ? FromText(text, parameter) : JsonValues.FromValue(value, parameter, unwrap);
        Check(node, kind, parameter);
        return node!;
    }

    private static JsonNode? FromText(string text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KubeInputException($"-{parameter} is empty; give the patch as JSON or YAML text, or as a hashtable.", parameter);
        }
        try
        {
            return YamlJson.ToJson(text);
        }
        catch (ManifestException e)
        {
            throw new KubeInputException($"-{parameter} is not valid JSON or YAML: {e.Message}", parameter, e);
        }
    }

    private static void Check(JsonNode? node, PatchKind kind, string parameter)
    {
        if (kind != PatchKind.Json)
        {
            if (node is not JsonObject)
            {
                throw new KubeInputException(
                    $"-{parameter} must be an object of the fields to change (e.g. @{{ spec = @{{ replicas = 3 }} }} or '{{\"spec\":{{\"replicas\":3}}}}'), not {Describe(node)}; a list of operations is a -JsonPatch.",
                    parameter);
            }
            return;
        }
        if (node is not JsonArray operations)
        {
            throw new KubeInputException(
                $"-{parameter} must be a list of operations (e.g. @(@{{ op = 'replace'; path = '/spec/replicas'; value = 3 }})), not {Describe(node)}.", parameter);
        }
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw new KubeInputException($"-{parameter}: operation {i} is {Describe(operations[i])}, not an object with op and path.", parameter);
            }
            var op = operation["op"] is JsonValue opValue && opValue.TryGetValue<string>(out var opText) ? opText : null;
            if (op is null || !Operations.Contains(op))
            {
                throw new KubeInputException(
                    $"-{parameter}: operation {i} has op {(op is null ? "missing" : $"\"{op}\"")}; it must be one of {string.Join(", ", Operations)}.", parameter);
            }
            if (!IsPointer(operation["path"]))
            {
                throw new KubeInputException($"-{parameter}: operation {i} ({op}) needs a path, a JSON pointer such as /spec/replicas.", parameter);
            }
            if (op is "add" or "replace" or "test" && !operation.ContainsKey("value"))
            {
                throw new KubeInputException($"-{parameter}: operation {i} ({op}) needs a value.", parameter);
            }
            if (op is "move" or "copy" && !IsPointer(operation["from"]))
            {
                throw new KubeInputException($"-{parameter}: operation {i} ({op}) needs from, a JSON pointer.", parameter);
            }
        }
    }

    private static bool IsPointer(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && (text.Length == 0 || text[0] == '/');

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };
}
