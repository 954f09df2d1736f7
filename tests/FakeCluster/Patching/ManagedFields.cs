using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// Reads and writes <c>metadata.managedFields</c> and records non-apply writes (create, PUT and the
/// merge, JSON and strategic patches) the way the API server's field manager does.
/// </summary>
public static class ManagedFields
{
    private static readonly FieldPathElement Status = FieldPathElement.Field("status");

    // Fields the server never records: identity and bookkeeping set by the server itself.
    private static readonly FieldSet Untracked = BuildUntracked();

    /// <summary>The entries of <c>metadata.managedFields</c>; entries the server could not decode are skipped.</summary>
    public static List<ManagedFieldsEntry> Read(JsonObject? obj) =>
        obj?["metadata"]?["managedFields"] is JsonArray entries
            ? [.. entries.Select(ManagedFieldsEntry.FromJson).OfType<ManagedFieldsEntry>()]
            : [];

    /// <summary>Writes the entries in the server's order (Apply before Update, then by time, manager,
    /// apiVersion, subresource); with no entries <c>managedFields</c> is removed.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var metadata = obj["metadata"] as JsonObject;
        var sorted = entries
            .Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal)
            .ToList();
        if (sorted.Count == 0)
        {
            metadata?.Remove("managedFields");
            return;
        }

        if (metadata is null)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        metadata["managedFields"] = new JsonArray([.. sorted.Select(e => e.ToJson())]);
    }

    /// <summary>
    /// Records a non-apply write of <paramref name="after"/> over <paramref name="before"/> (null for a create):
    /// the manager takes ownership of every field it set or changed (operation Update), those fields leave
    /// the other managers, removed fields leave everyone, and empty entries are dropped. Managed fields sent
    /// in the request replace the stored ones, and <c>[]</c> or <c>[{}]</c> clears them, except on a subresource.
    /// </summary>
    /// <returns>A copy of <paramref name="after"/> with <c>metadata.managedFields</c> updated.</returns>
    public static JsonObject RecordUpdate(JsonObject? before, JsonObject after, string manager, string apiVersion, DateTimeOffset now, string? subresource = null)
    {
        var entries = StartingEntries(before, after, subresource);
        var updated = Update(entries, WithoutManagedFields(before), WithoutManagedFields(after), manager, apiVersion, now, subresource);
        var result = WithoutManagedFields(after);
        Write(result, updated);
        return result;
    }

    /// <summary>Applies one Update by <paramref name="manager"/> to <paramref name="entries"/>; objects carry no managedFields.</summary>
    internal static List<ManagedFieldsEntry> Update(IEnumerable<ManagedFieldsEntry> entries, JsonObject? before, JsonObject after, string manager, string apiVersion, DateTimeOffset now, string? subresource)
    {
        var kind = after["kind"]?.ToString();
        var comparison = new SchemaWalker(kind).Compare(ZeroValueSkeletons.Fill(before, kind), ZeroValueSkeletons.Fill(after, kind));
        var changed = Tracked(comparison.Changed, subresource);
        var removed = Tracked(comparison.Removed, subresource);

        var result = entries.Select(e => e with { Fields = e.Fields.Difference(changed).Difference(removed) }).ToList();
        var owned = changed.Difference(Untracked);
        if (owned.IsEmpty)
        {
            return result;
        }

        var self = new ManagedFieldsEntry(manager, ManagedFieldsEntry.UpdateOperation, apiVersion, now, owned, subresource);
        var previous = result.FindIndex(e => e.Identity == self.Identity);
        if (previous >= 0)
        {
            self = self with { Fields = result[previous].Fields.Union(owned) };
            result.RemoveAt(previous);
        }

        result.Add(self);
        return result;
    }

    /// <summary>Leaves out what the server does not track: its own metadata fields, and status on the main
    /// resource (the status subresource, in turn, tracks only status).</summary>
    internal static FieldSet Tracked(FieldSet fields, string? subresource) => subresource switch
    {
        null or "" => fields.WithoutSubtree(Status).Difference(Untracked),
        "status" => fields.OnlySubtree(Status),
        _ => fields.Difference(Untracked),
    };

    [return: NotNullIfNotNull(nameof(obj))]
    internal static JsonObject? WithoutManagedFields(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static List<ManagedFieldsEntry> StartingEntries(JsonObject? before, JsonObject after, string? subresource)
    {
        if (!string.IsNullOrEmpty(subresource))
        {
            return Read(before);
        }

        var sent = after["metadata"]?["managedFields"];
        if (sent is JsonArray list && (list.Count == 0 || (list.Count == 1 && list[0] is JsonObject { Count: 0 })))
        {
            return [];
        }

        var decoded = Read(after);
        return decoded.Count > 0 ? decoded : Read(before);
    }

    private static FieldSet BuildUntracked()
    {
        var set = new FieldSet();
        set.Insert([FieldPathElement.Field("apiVersion")]);
        set.Insert([FieldPathElement.Field("kind")]);
        set.Insert([FieldPathElement.Field("metadata")]);
        foreach (var name in new[] { "name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion" })
        {
            set.Insert([FieldPathElement.Field("metadata"), FieldPathElement.Field(name)]);
        }

        return set;
    }
}
