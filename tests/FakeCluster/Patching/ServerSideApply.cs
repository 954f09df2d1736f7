using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>) with field ownership, following the API server's
/// field manager: merge by the schema in <see cref="ListMergeKeys"/> and <see cref="AtomicFields"/>, remove
/// what the manager applied before and no longer applies (unless someone else owns it), refuse to change
/// fields other managers own unless forced, and record ownership in <c>metadata.managedFields</c>.
/// </summary>
public static class ServerSideApply
{
    /// <summary>The manager the server records for an object's existing fields when it is first applied
    /// to without any managed fields.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>kubectl's own apply manager: the server lets it take over fields from a client-side apply.</summary>
    public const string KubectlManager = "kubectl";

    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly JsonSerializerOptions GoJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Applies <paramref name="applied"/> for <paramref name="manager"/> to <paramref name="live"/> (null: the
    /// object does not exist and is created from the configuration). Neither argument is modified.
    /// </summary>
    public static ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, string apiVersion, DateTimeOffset now)
    {
        var config = PrepareConfiguration(applied, apiVersion);
        var kind = config["kind"]?.ToString();
        var walker = new SchemaWalker(kind);
        var configFields = ManagedFields.Tracked(FieldsOf(walker, config, apiVersion), subresource: null);

        var liveObject = ManagedFields.WithoutManagedFields(live);
        var entries = ManagedFields.Read(live);
        if (liveObject is not null && entries.Count == 0)
        {
            // An object nobody owns yet: its current fields are credited to a placeholder updater first.
            entries = ManagedFields.Update([], null, liveObject, BeforeFirstApplyManager, apiVersion, now, subresource: null);
        }

        var self = new ManagedFieldsEntry(manager, ManagedFieldsEntry.ApplyOperation, apiVersion, now, configFields);
        var previous = entries.Find(e => e.Identity == self.Identity);
        var others = entries.Where(e => e.Identity != self.Identity).ToList();

        var merged = walker.Merge(liveObject, config);
        if (previous is not null)
        {
            walker.RemoveFields(merged, FieldsToPrune(previous.Fields, configFields, others));
        }

        var comparison = walker.Compare(liveObject, merged);
        var changed = ManagedFields.Tracked(comparison.Changed, subresource: null);
        var conflicts = FindConflicts(others, changed);
        if (conflicts.Count > 0 && !force && manager == KubectlManager && liveObject is not null)
        {
            // Fields still holding the values of the last client-side apply may be taken over by kubectl.
            var takeable = FieldsMatchingLastApplied(walker, liveObject);
            conflicts = [.. conflicts.Where(c => !takeable.Has(c.Path))];
        }

        if (conflicts.Count > 0 && !force)
        {
            return ApplyResult.Failure(conflicts);
        }

        var removed = comparison.Removed;
        var updatedEntries = others.Select(e => e with { Fields = e.Fields.Difference(changed).Difference(removed) }).ToList();
        var objectChanged = liveObject is null || !JsonNode.DeepEquals(liveObject, merged);
        updatedEntries.Add(self with { Time = objectChanged || previous is null ? now : previous.Time });

        if (manager == KubectlManager && merged["metadata"]?["annotations"] is JsonObject annotations && annotations.ContainsKey(LastAppliedAnnotation))
        {
            // Keeps a later client-side apply working from what was applied last.
            annotations[LastAppliedAnnotation] = BuildLastApplied(applied);
        }

        ManagedFields.Write(merged, updatedEntries);
        return ApplyResult.Success(merged);
    }

    private static JsonObject PrepareConfiguration(JsonObject applied, string apiVersion)
    {
        if (applied["apiVersion"]?.ToString() is { } patchVersion && patchVersion != apiVersion)
        {
            throw PatchException.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {patchVersion}, expected: {apiVersion}");
        }

        if (applied["metadata"] is JsonObject metadata && metadata.ContainsKey("managedFields"))
        {
            throw PatchException.BadRequest("metadata.managedFields must be nil");
        }

        // Status is reset by the main resource's strategy: an applied status is ignored.
        var config = (JsonObject)applied.DeepClone();
        config.Remove("status");
        return config;
    }

    private static FieldSet FieldsOf(SchemaWalker walker, JsonObject config, string apiVersion)
    {
        try
        {
            return walker.ToFieldSet(config);
        }
        catch (PatchException e)
        {
            var metadata = config["metadata"];
            var target = $"{metadata?["namespace"]}/{metadata?["name"]}; {apiVersion}, Kind={config["kind"]}";
            throw PatchException.Internal($"failed to create typed patch object ({target}): {e.Message}");
        }
    }

    /// <summary>What the manager applied last time but not now, and nobody else has a say over.</summary>
    private static FieldSet FieldsToPrune(FieldSet previouslyApplied, FieldSet nowApplied, List<ManagedFieldsEntry> others)
    {
        var prune = new FieldSet();
        foreach (var path in previouslyApplied.Difference(nowApplied).Paths())
        {
            if (!nowApplied.Touches(path) && !others.Any(o => o.Fields.Touches(path)))
            {
                prune.Insert(path);
            }
        }

        return prune;
    }

    private static List<FieldConflict> FindConflicts(List<ManagedFieldsEntry> others, FieldSet changed) =>
        [.. others
            .OrderBy(o => o.Identity, StringComparer.Ordinal)
            .SelectMany(o => o.Fields.Intersection(changed).Paths().Select(path => new FieldConflict(o, path)))];

    private static FieldSet FieldsMatchingLastApplied(SchemaWalker walker, JsonObject live)
    {
        if (live["metadata"]?["annotations"]?[LastAppliedAnnotation] is not JsonValue text || !text.TryGetValue<string>(out var json))
        {
            return new FieldSet();
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonObject lastApplied)
            {
                return new FieldSet();
            }

            var comparison = walker.Compare(lastApplied, live);
            return walker.ToFieldSet(lastApplied).Difference(comparison.Modified).Difference(comparison.Removed);
        }
        catch (Exception e) when (e is JsonException or PatchException)
        {
            return new FieldSet();
        }
    }

    /// <summary>The applied configuration without the annotation itself, encoded as the server encodes
    /// unstructured objects: keys sorted, HTML characters escaped, a trailing newline.</summary>
    private static string BuildLastApplied(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        (copy["metadata"]?["annotations"] as JsonObject)?.Remove(LastAppliedAnnotation);
        var encoded = SortKeys(copy)!.ToJsonString(GoJson)
            .Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
        return encoded + "\n";
    }

    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(SortKeys)]),
        _ => node?.DeepClone(),
    };
}
