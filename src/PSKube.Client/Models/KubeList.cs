using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>The body of a list response (PodList, DeploymentList, ...) for any kind.</summary>
public sealed class KubeList<T>
    where T : KubeObject
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    public ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<T>? Items { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
