using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get endpoints shows, as plain properties.
public sealed partial class Endpoints
{
    /// <summary>The ENDPOINTS column: up to three <c>ip:port</c> addresses, then <c>+ N more...</c>; <c>&lt;none&gt;</c> when empty.</summary>
    [JsonIgnore]
    public string EndpointList => EndpointsPrinter.Addresses(Subsets);
}
