using System.Text.Json.Nodes;
using PSKube.Client.Manifests;

namespace PSKube.Client.Apply;

/// <summary>
/// Hands the fields an earlier kubectl apply owns over to the applying manager, before it applies, so that a field
/// dropped from the file is removed as it would be had the same manager applied it all along. This is what kubectl
/// 1.32 does when it moves an object from client-side to server-side apply (csaupgrade): the Update entries that own
/// the last-applied-configuration annotation join the new manager's Apply entry; here also the Apply entries of
/// <c>kubectl apply --server-side</c> (manager <c>kubectl</c>) and of the annotation keeper <c>kubectl-last-applied</c>,
/// since Set-KubeResource takes over that job: left alone, what they own could never be removed by the file.
/// Other managers (controllers, kubectl scale or edit, other tools) keep what they own.
/// </summary>
public static class ManagedFieldsMigration
{

    /// <summary>The Apply managers of kubectl: <c>apply --server-side</c>, and the one that keeps the annotation.</summary>
    public static IReadOnlySet<string> KubectlApplyManagers { get; } = new HashSet<string>(StringComparer.Ordinal) { "kubectl", "kubectl-last-applied" };

    private const string ApplyOperation = "Apply";
    private const string UpdateOperation = "Update";

    /// <summary>
    /// The managedFields after the hand-over to <paramref name="manager"/>, and the managers handed over; null when
    /// there is nothing to hand over. <paramref name="managedFields"/> is the live object's list; it is not changed.
    /// </summary>
    public static (JsonArray ManagedFields, IReadOnlyList<string> Predecessors)? Migrate(JsonArray? managedFields, string manager)
    {
        if (managedFields is null)
        {
            return null;
        }
        var entries = managedFields.OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()).ToList();
        var clientSide = ClientSideManagers(entries, manager);
        bool IsHandedOver(JsonObject e) => IsPredecessor(e, manager, clientSide);
        var predecessors = entries.Where(IsHandedOver).ToList();
        if (predecessors.Count == 0)
        {
            return null;
        }

        var target = entries.Find(e => IsMainResource(e) && Manager(e) == manager && Operation(e) == ApplyOperation);
        if (target is null)
        {
            // No Apply entry of ours yet: the most recent predecessor (the list is newest first) becomes it.
            target = predecessors[0];
            target["manager"] = manager;
            target["operation"] = ApplyOperation;
            predecessors.RemoveAt(0);
        }
        // Field paths depend on the apiVersion they were recorded for: only same-version sets are merged.
        var apiVersion = (string?)target["apiVersion"];
        var fields = target["fieldsV1"] as JsonObject ?? [];
        foreach (var predecessor in predecessors.Where(p => (string?)p["apiVersion"] == apiVersion))
        {
            fields = FieldSets.Union(fields, predecessor["fieldsV1"] as JsonObject);
        }
        target["fieldsV1"] = fields;
        target["fieldsType"] ??= "FieldsV1";

        var migrated = new JsonArray([.. entries.Where(e => !predecessors.Contains(e))]);
        var handedOver = managedFields.OfType<JsonObject>().Where(IsHandedOver).Select(Manager).Distinct(StringComparer.Ordinal).ToList();
        return (migrated, handedOver);
    }

    /// <summary>
    /// What the apply would remove once the hand-over is done, for a dry run (which cannot hand over): the fields only
    /// the predecessors own in <paramref name="managedFields"/> (a dry-run apply's answer) that the manager no longer
    /// applies and no other manager owns, as the server prunes what a manager stops applying. The client-side apply
    /// managers are those of the live object (<see cref="ClientSideManagers(JsonArray?, string)"/>): in the answer, the
    /// manager has taken the annotation they are found by. A client-side apply also owns what the server defaulted;
    /// pruned, that would be defaulted again, so only what its last applied configuration set counts.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> FieldsToRemove(JsonArray? managedFields, string manager, IReadOnlySet<string> clientSide, JsonNode? lastApplied)
    {
        ArgumentNullException.ThrowIfNull(clientSide);
        var entries = managedFields?.OfType<JsonObject>().ToList() ?? [];
        var predecessors = entries.Where(e => IsPredecessor(e, manager, clientSide)).ToList();
        var own = entries.Find(e => IsMainResource(e) && Manager(e) == manager && Operation(e) == ApplyOperation)?["fieldsV1"] as JsonObject;
        var others = entries.Where(e => !predecessors.Contains(e) && !(IsMainResource(e) && Manager(e) == manager && Operation(e) == ApplyOperation))
            .Select(e => e["fieldsV1"] as JsonObject).ToList();
        return [.. predecessors
            .SelectMany(p => FieldSets.Members(p["fieldsV1"] as JsonObject)
                .Where(path => !clientSide.Contains(Manager(p)) || FieldSets.SetsPath(lastApplied, path)))
            .Where(path => path.Count > 0 && !FieldSets.Touches(own, path) && !others.Any(o => FieldSets.Touches(o, path)))
            .DistinctBy(path => string.Join('\u0001', path))
            .OrderByDescending(path => path.Count)];
    }

    /// <summary>
    /// The JSON patch that writes <paramref name="managedFields"/> only if the object is still at
    /// <paramref name="resourceVersion"/>: a "replace" of the version (not a "test"), so a concurrent change is a
    /// 409 Conflict from the storage rather than an invalid request, as kubectl sends it.
    /// </summary>
    public static JsonArray Patch(JsonArray managedFields, string resourceVersion) =>
    [
        new JsonObject { ["op"] = "replace", ["path"] = "/metadata/managedFields", ["value"] = managedFields.DeepClone() },
        new JsonObject { ["op"] = "replace", ["path"] = "/metadata/resourceVersion", ["value"] = resourceVersion },
    ];

    /// <summary>Whether an entry owns the last-applied-configuration annotation.</summary>
    public static bool OwnsLastApplied(JsonObject entry) =>
        entry["fieldsV1"]?["f:metadata"]?["f:annotations"]?.AsObject().ContainsKey("f:" + LastAppliedConfiguration.Annotation) == true;

    // Client-side apply writers are found by what they own (the annotation), as kubectl finds them; then every
    // Update entry of theirs goes, whatever its apiVersion.
    /// <summary>The managers of a client-side kubectl apply: the Update writers of the last-applied-configuration annotation.</summary>
    public static IReadOnlySet<string> ClientSideManagers(JsonArray? managedFields, string manager) =>
        ClientSideManagers(managedFields?.OfType<JsonObject>() ?? [], manager);

    private static HashSet<string> ClientSideManagers(IEnumerable<JsonObject> entries, string manager) =>
        entries.Where(e => IsMainResource(e) && Operation(e) == UpdateOperation && Manager(e) != manager && OwnsLastApplied(e))
            .Select(Manager).ToHashSet(StringComparer.Ordinal);

    private static bool IsPredecessor(JsonObject entry, string manager, IReadOnlySet<string> clientSide) =>
        IsMainResource(entry) && Manager(entry) != manager &&
        ((Operation(entry) == UpdateOperation && clientSide.Contains(Manager(entry))) ||
         (Operation(entry) == ApplyOperation && KubectlApplyManagers.Contains(Manager(entry))));

    private static bool IsMainResource(JsonObject entry) => string.IsNullOrEmpty((string?)entry["subresource"]);

    private static string Manager(JsonObject entry) => (string?)entry["manager"] ?? "";

    private static string Operation(JsonObject entry) => (string?)entry["operation"] ?? "";
}
