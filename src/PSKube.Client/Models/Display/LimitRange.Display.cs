using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get limits shows (the server has no columns of its own for limit ranges: NAME and CREATED AT).
public sealed partial class LimitRange
{
    /// <summary>The CREATED AT column: the creation time in UTC, RFC 3339 (<c>2026-12-06T10:00:00Z</c>).</summary>
    [JsonIgnore]
    public string CreatedAt => PolicyRulePrinting.CreatedAt(Created);
}
