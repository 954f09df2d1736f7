using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What New-KubeToken -DryRun shows of the request; the token itself (status.token) is never a display member.
public sealed partial class TokenRequest
{
    /// <summary>The audiences asked for, comma separated; empty for the API server's own.</summary>
    [JsonIgnore]
    public string Audiences => string.Join(", ", Spec?.Audiences ?? []);

    /// <summary>The lifetime asked for; null leaves it to the server.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => Spec?.ExpirationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The object the token is bound to, as KIND/NAME; empty when none.</summary>
    [JsonIgnore]
    public string BoundObject => Spec?.BoundObjectRef is { } bound ? $"{bound.Kind}/{bound.Name}" : "";
}
