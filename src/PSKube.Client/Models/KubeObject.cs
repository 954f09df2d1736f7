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

    /// <summary>
    /// kubectl's AGE column: how long ago the object was created, by the server's clock, computed when read. Shown as
    /// kubectl's text (<c>5m</c>, <c>3d4h</c>), compared as a span (<c>Where-Object Age -gt '10m'</c>); null without a
    /// creation time.
    /// </summary>
    [JsonIgnore]
    public KubeDuration? Age => KubeDuration.Since(Metadata?.CreationTimestamp, Now);

    /// <summary>When the object was created.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created => Metadata?.CreationTimestamp;

    /// <summary>The clock of the server the object was read from; null for objects made or read from files here.</summary>
    [JsonIgnore]
    internal Transport.ServerClock? ServerClock { get; set; }

    /// <summary>The latest time the server wrote into the object: its creation or a write its managedFields record.</summary>
    internal DateTimeOffset? LatestServerTime()
    {
        var latest = Metadata?.CreationTimestamp;
        foreach (var entry in Metadata?.ManagedFields ?? [])
        {
            if (entry.Time > latest || latest is null)
            {
                latest = entry.Time;
            }
        }
        return latest;
    }

    /// <summary>The time ages are measured to: the server's when the object came from one, else this machine's.</summary>
    internal DateTimeOffset Now => ServerClock?.Now ?? DateTimeOffset.UtcNow;
}
