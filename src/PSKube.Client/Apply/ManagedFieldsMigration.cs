using System.Text.Json.Nodes;

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
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

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
        // Client-side apply writers are found by what they own (the annotation), as kubectl finds them; then every
        // Update entry of theirs goes, whatever its apiVersion.
        var clientSide = entries.Where(e => IsMainResource(e) && Operation(e) == UpdateOperation && Manager(e) != manager && OwnsLastApplied(e))
            .Select(Manager).ToHashSet(StringComparer.Ordinal);
        bool IsPredecessor(JsonObject e) => IsMainResource(e) && Manager(e) != manager &&
            ((Operation(e) == UpdateOperation && clientSide.Contains(Manager(e))) ||
             (Operation(e) == ApplyOperation && KubectlApplyManagers.Contains(Manager(e))));
        var predecessors = entries.Where(IsPredecessor).ToList();
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
        var handedOver = managedFields.OfType<JsonObject>().Where(IsPredecessor).Select(Manager).Distinct(StringComparer.Ordinal).ToList();
        return (migrated, handedOver);
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
        entry["fieldsV1"]?["f:metadata"]?["f:annotations"]?.AsObject().ContainsKey("f:" + LastAppliedAnnotation) == true;

    private static bool IsMainResource(JsonObject entry) => string.IsNullOrEmpty((string?)entry["subresource"]);

    private static string Manager(JsonObject entry) => (string?)entry["manager"] ?? "";

    private static string Operation(JsonObject entry) => (string?)entry["operation"] ?? "";
}
