using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>The outcome of a server-side apply: the new object, or the conflicts that stopped it.</summary>
public sealed record ApplyResult(JsonObject? Object, IReadOnlyList<FieldConflict> Conflicts)
{
    public bool Succeeded => Conflicts.Count == 0;

    internal static ApplyResult Success(JsonObject result) => new(result, []);

    internal static ApplyResult Failure(IReadOnlyList<FieldConflict> conflicts) => new(null, conflicts);
}
