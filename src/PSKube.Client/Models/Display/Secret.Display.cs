using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get secrets shows, as plain properties (Type is the wire field). Only counts, never values.
public sealed partial class Secret
{
    /// <summary>The DATA column: how many keys the secret holds.</summary>
    [JsonIgnore]
    public int DataCount => Data?.Count ?? 0;
}
