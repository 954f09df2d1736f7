using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get persistentvolumeclaims shows as STATUS; the API's status object is PersistentVolumeClaimStatus.
public sealed partial class PersistentVolumeClaim
{
    /// <summary>The STATUS column: Pending, Bound or Lost.</summary>
    [JsonIgnore]
    public string Status => PersistentVolumeClaimStatus?.Phase ?? string.Empty;
}
