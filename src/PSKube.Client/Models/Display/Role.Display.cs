using System.Globalization;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get roles shows (the server has no columns of its own for roles: NAME and CREATED AT).
public sealed partial class Role
{
    /// <summary>The CREATED AT column: the creation time in UTC, RFC 3339 (<c>2026-12-06T10:00:00Z</c>).</summary>
    [JsonIgnore]
    public string CreatedAt => PolicyRulePrinting.CreatedAt(Created);

    /// <summary>The rules, one line each as kubectl describe lists them: resources, resource names, verbs.</summary>
    [JsonIgnore]
    public string RuleList => PolicyRulePrinting.Lines(Rules);
}

// What kubectl get clusterroles shows: NAME and CREATED AT.
public sealed partial class ClusterRole
{
    /// <summary>The CREATED AT column: the creation time in UTC, RFC 3339 (<c>2026-12-06T10:00:00Z</c>).</summary>
    [JsonIgnore]
    public string CreatedAt => PolicyRulePrinting.CreatedAt(Created);

    /// <summary>The rules, one line each as kubectl describe lists them: resources or URLs, resource names, verbs.</summary>
    [JsonIgnore]
    public string RuleList => PolicyRulePrinting.Lines(Rules);
}

/// <summary>How roles print: kubectl's CREATED AT, and describe's rule lines.</summary>
internal static class PolicyRulePrinting
{
    // Go's zero time when the object has none, as the server prints it.
    public static string CreatedAt(DateTimeOffset? created) =>
        (created?.UtcDateTime ?? DateTime.MinValue).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    public static string Lines(IReadOnlyList<PolicyRule>? rules) =>
        string.Join("\n", (rules ?? []).Select(rule =>
        {
            var groups = rule.ApiGroups ?? [];
            var targets = (rule.Resources ?? []).SelectMany(resource => groups.Count == 0 ? [resource] : groups.Select(group => group.Length == 0 ? resource : $"{resource}.{group}"))
                .Concat(rule.NonResourceURLs ?? []);
            var names = rule.ResourceNames is { Count: > 0 } given ? $" [{string.Join(", ", given)}]" : "";
            return $"{string.Join(", ", targets)}{names}: {string.Join(", ", rule.Verbs ?? [])}";
        }));
}
