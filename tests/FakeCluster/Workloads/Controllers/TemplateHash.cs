using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The pod-template-hash (and controller-revision-hash) of a pod template: a 32-bit FNV-1a hash of the template,
/// written as the controllers write it, each decimal digit mapped into the safe alphabet, so a hash looks like a
/// real one (up to 10 characters from "bcdf456789") and stays the same for the same template.
/// </summary>
internal static class TemplateHash
{
    public static string Compute(JsonNode? template, long? collisionCount = null)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        var text = Canonical(template) + (collisionCount is { } count ? count.ToString(CultureInfo.InvariantCulture) : "");
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * prime);
        }
        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return new string(digits.Select(d => ControllerClient.SafeAlphabet[d % ControllerClient.SafeAlphabet.Length]).ToArray());
    }

    /// <summary>Keys sorted at every level, so equal templates hash equally whatever order their fields came in.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
