using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Printing;
using YamlDotNet.Serialization;

namespace PSKube.Client.Manifests;

/// <summary>
/// Kubernetes objects to and from YAML manifests, as `kubectl get -o yaml` writes them and `kubectl apply -f` reads
/// them: block style in the object's own field order, strings quoted where YAML would read them as something
/// else, several documents separated by `---`, and errors that give the line.
/// </summary>
public static class KubeYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .Build();

    /// <summary>One object (typed or generic) as a YAML document.</summary>
    public static string ToYaml(KubeObject obj) => ToYaml(KubeJson.SerializeToNode(obj));

    /// <summary>Any JSON value as YAML.</summary>
    public static string ToYaml(JsonNode? node) => Serializer.Serialize(Plain(node));

    /// <summary>Several objects as one multi-document manifest.</summary>
    public static string ToYaml(IEnumerable<KubeObject> objects) => string.Join("---\n", objects.Select(ToYaml));

    /// <summary>
    /// Reads every document of a manifest into typed objects (the model of its kind, else
    /// <see cref="GenericKubeObject"/>). Documents without apiVersion and kind are refused with their number.
    /// </summary>
    public static IReadOnlyList<KubeObject> ObjectsFromYaml(string yaml)
    {
        var documents = YamlJson.ToJsonDocuments(yaml);
        var objects = new List<KubeObject>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is not JsonObject document || (string?)document["kind"] is not { Length: > 0 } kind || (string?)document["apiVersion"] is not { Length: > 0 })
            {
                throw new YamlJsonException($"document {i + 1} is not a Kubernetes object: it needs apiVersion and kind", 0, 0);
            }
            try
            {
                objects.Add(ResourcePrinters.Deserialize(kind, document.ToJsonString())!);
            }
            catch (JsonException e)
            {
                throw new YamlJsonException($"document {i + 1} ({kind}) does not fit its schema: {e.Message}", 0, 0);
            }
        }
        return objects;
    }

    // YamlDotNet serializes plain .NET values: dictionaries keep the object's field order, lists stay lists.
    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out long integer) => integer,
        JsonValue value when value.TryGetValue(out double real) => real,
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => node.ToJsonString(),
    };
}
