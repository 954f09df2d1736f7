using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>The 409 Conflict Status the API server answers when an apply conflicts, worded as the server words it.</summary>
public static class ApplyConflictStatus
{
    public const int Code = 409;
    public const string Reason = "Conflict";
    public const string CauseReason = "FieldManagerConflict";

    /// <summary>
    /// <c>Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas</c>, or for several:
    /// <c>Apply failed with N conflicts: conflicts with "m":</c> followed by one <c>- path</c> line per field,
    /// managers in the order of their identity.
    /// </summary>
    public static string Message(IReadOnlyList<FieldConflict> conflicts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(conflicts.Count);
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: {conflicts[0].Message}: {conflicts[0].Field}";
        }

        var lines = new List<string>();
        foreach (var group in conflicts.GroupBy(c => c.Owner.Identity).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add($"conflicts with {group.First().Owner.Describe()}:");
            lines.AddRange(group.Select(c => "- " + c.Field));
        }

        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Apply failed with {conflicts.Count} conflicts: ")
            .AppendJoin('\n', lines)
            .ToString();
    }

    /// <summary>The <c>details.causes</c> list: one FieldManagerConflict per field.</summary>
    public static JsonArray Causes(IReadOnlyList<FieldConflict> conflicts) =>
        [.. conflicts.Select(c => new JsonObject { ["reason"] = CauseReason, ["message"] = c.Message, ["field"] = c.Field })];

    /// <summary>The whole Status object.</summary>
    public static JsonObject ToStatus(IReadOnlyList<FieldConflict> conflicts) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message(conflicts),
        ["reason"] = Reason,
        ["details"] = new JsonObject { ["causes"] = Causes(conflicts) },
        ["code"] = Code,
    };
}
