using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex.Renderer;
using PSKube.Client.Manifests;
using PSKube.Client.Resources;

namespace PSKube.Client.Apply;

/// <summary>
/// What applying an object would change (kubectl diff): the live object and the would-be one as YAML, without
/// managedFields and with a Secret's data masked as kubectl masks it, their unified diff, and the changed fields.
/// </summary>
public sealed class ResourceComparison
{
    // kubectl diff's masks for a Secret's data values.
    private const string Mask = "***";
    private const string MaskBefore = "*** (before)";
    private const string MaskAfter = "*** (after)";

    private ResourceComparison(string kind, string? @namespace, string name, string objectName, bool exists, string liveYaml, string newYaml, string diff, IReadOnlyList<FieldChange> changes)
    {
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        ObjectName = objectName;
        Exists = exists;
        LiveYaml = liveYaml;
        NewYaml = newYaml;
        Diff = diff;
        Changes = changes;
    }

    public string Kind { get; }

    public string? Namespace { get; }

    public string Name { get; }

    /// <summary>As kubectl names it: <c>deployment.apps/web</c>.</summary>
    public string ObjectName { get; }

    /// <summary>Whether the object exists now (else applying would create it).</summary>
    public bool Exists { get; }

    /// <summary>Whether applying would change anything.</summary>
    public bool Changed => Changes.Count > 0;

    public string LiveYaml { get; }

    public string NewYaml { get; }

    /// <summary>The unified diff (as <c>diff -u -N</c> prints it for kubectl diff), empty when nothing would change.</summary>
    public string Diff { get; }

    public IReadOnlyList<FieldChange> Changes { get; }

    /// <summary>Compares the live object (null: absent) with the one a dry-run apply returned.</summary>
    public static ResourceComparison Of(ResourceDefinition resource, JsonObject? live, JsonObject merged)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(merged);
        var from = Shown(live);
        var to = Shown(merged)!;
        if (resource.Kind == "Secret" && resource.Group.Length == 0)
        {
            MaskSecretData(from, to);
        }
        var name = (string?)merged["metadata"]?["name"] ?? "";
        var @namespace = (string?)merged["metadata"]?["namespace"];
        // kubectl diff's file name for the object: [group.]version.Kind.namespace.name
        var file = $"{(resource.Group.Length == 0 ? "" : resource.Group + ".")}{resource.Version}.{resource.Kind}.{@namespace}.{name}";
        var liveYaml = from is null ? "" : KubeYaml.ToYaml(from);
        var newYaml = KubeYaml.ToYaml(to);
        var changes = new List<FieldChange>();
        Walk("", from ?? [], to, changes);
        var diff = changes.Count == 0 && liveYaml == newYaml ? "" : UnifiedDiff(liveYaml, newYaml, file);
        var objectName = $"{resource.Singular}{(resource.Group.Length == 0 ? "" : "." + resource.Group)}/{name}";
        return new ResourceComparison(resource.Kind, @namespace, name, objectName, live is not null, liveYaml, newYaml, diff, changes);
    }

    private static string UnifiedDiff(string liveYaml, string newYaml, string file)
    {
        // Lines without the final line break (else an empty last line shows); an absent side is empty and, as in
        // diff -N, starts at line 0.
        var body = UnidiffRenderer.GenerateUnidiff(liveYaml.TrimEnd('\n'), newYaml.TrimEnd('\n'), $"LIVE/{file}", $"MERGED/{file}", ignoreWhitespace: false, ignoreCase: false, contextLines: 3)
            .ReplaceLineEndings("\n").TrimEnd('\n');
        if (liveYaml.Length == 0)
        {
            body = body.Replace("\n@@ -1,0 ", "\n@@ -0,0 ", StringComparison.Ordinal);
        }
        return $"diff -u -N LIVE/{file} MERGED/{file}\n{body}\n";
    }

    // Keys sorted (as kubectl prints YAML from Go maps), managedFields left out.
    private static JsonObject? Shown(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }
        var copy = (JsonObject)Sorted(obj)!;
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>A Secret's values never show: equal ones as ***, changed ones as *** (before) and *** (after).</summary>
    private static void MaskSecretData(JsonObject? from, JsonObject to)
    {
        var before = from?["data"] as JsonObject;
        var after = to["data"] as JsonObject;
        foreach (var key in before?.Select(p => p.Key).ToList() ?? [])
        {
            if (after is not null && after.ContainsKey(key))
            {
                var differs = !JsonNode.DeepEquals(before![key], after[key]);
                before![key] = differs ? MaskBefore : Mask;
                after[key] = differs ? MaskAfter : Mask;
            }
            else
            {
                before![key] = Mask;
            }
        }
        foreach (var key in after?.Select(p => p.Key).ToList() ?? [])
        {
            if (before is null || !before.ContainsKey(key))
            {
                after![key] = Mask;
            }
        }
    }

    private static void Walk(string path, JsonNode? live, JsonNode? next, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(live, next))
        {
            return;
        }
        switch (live, next)
        {
            case (JsonObject before, JsonObject after):
                foreach (var key in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Walk(FieldPath.Child(path, key), before[key], after[key], changes);
                }
                break;
            case (JsonArray before, JsonArray after):
                for (var index = 0; index < Math.Max(before.Count, after.Count); index++)
                {
                    Walk(FieldPath.Item(path, index), index < before.Count ? before[index] : null, index < after.Count ? after[index] : null, changes);
                }
                break;
            default:
                changes.Add(new FieldChange(path, ValueOf(live), ValueOf(next)));
                break;
        }
    }

    private static object? ValueOf(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number =>
            long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : (object)value.GetValue<double>(),
        _ => node.ToJsonString(),
    };
}
