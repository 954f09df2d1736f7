using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get namespaces shows, as plain properties.
public sealed partial class Namespace
{
    /// <summary>The STATUS column: Active, or Terminating while the namespace is deleted.</summary>
    [JsonIgnore]
    public string Status => NamespaceStatus?.Phase ?? string.Empty;
}
