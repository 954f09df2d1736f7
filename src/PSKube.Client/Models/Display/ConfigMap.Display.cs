using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get configmaps shows, as plain properties.
public sealed partial class ConfigMap
{
    /// <summary>The DATA column: how many keys the ConfigMap holds, text and binary.</summary>
    [JsonIgnore]
    public int DataCount => (Data?.Count ?? 0) + (BinaryData?.Count ?? 0);
}
