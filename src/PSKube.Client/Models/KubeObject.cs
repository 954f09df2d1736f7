using System.Text.Json;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// The common shape of every Kubernetes object: apiVersion, kind, metadata, and whatever else
/// the server sent that the model does not know, so a read-modify-write loses nothing.
/// </summary>
public abstract class KubeObject
{
    // Explicit orders keep the kubectl-like layout (apiVersion, kind, metadata first) on write.
    [JsonPropertyName("apiVersion")]
    [JsonPropertyOrder(-3)]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-2)]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [JsonPropertyOrder(-1)]
    public ObjectMeta? Metadata { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    // The PowerShell pipeline binds -Name and -Namespace by property name.
    [JsonIgnore]
    public string? Name
    {
        get => Metadata?.Name;
        set => (Metadata ??= new ObjectMeta()).Name = value;
    }

    [JsonIgnore]
    public string? Namespace
    {
        get => Metadata?.Namespace;
        set => (Metadata ??= new ObjectMeta()).Namespace = value;
    }

    /// <summary>kubectl's AGE column (<c>5m</c>, <c>3d4h</c>), computed when read.</summary>
    [JsonIgnore]
    public string Age => Printing.HumanDuration.Age(Metadata?.CreationTimestamp, DateTimeOffset.UtcNow);

    /// <summary>When the object was created: sort on this, show <see cref="Age"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created => Metadata?.CreationTimestamp;
}
