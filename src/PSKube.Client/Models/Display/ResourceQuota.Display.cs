using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get quota shows, as plain properties.
public sealed partial class ResourceQuota
{
    /// <summary>The REQUEST column: <c>resource: used/hard</c> for every limited resource but limits.*, e.g. <c>pods: 3/10, requests.cpu: 500m/2</c>.</summary>
    [JsonIgnore]
    public string Request => ResourceQuotaPrinter.Usage(Status, limits: false);

    /// <summary>The LIMIT column: <c>resource: used/hard</c> for the limits.* resources, e.g. <c>limits.memory: 0/4Gi</c>.</summary>
    [JsonIgnore]
    public string Limit => ResourceQuotaPrinter.Usage(Status, limits: true);
}
