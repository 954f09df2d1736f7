using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get serviceaccounts shows, as plain properties.
public sealed partial class ServiceAccount
{
    /// <summary>The SECRETS column: how many secrets the service account lists.</summary>
    [JsonIgnore]
    public int SecretCount => Secrets?.Count ?? 0;
}
