using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The propagation policies of DELETE as the API server turns them into finalizers for the garbage collector:
/// Orphan adds "orphan", Foreground adds "foregroundDeletion", Background adds nothing.
/// </summary>
public static class DeletionPropagation
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>
    /// Without a policy, batch/v1 Jobs and v1 ReplicationControllers orphan their dependents (kept for backward
    /// compatibility by the API server); everything else deletes them in the background.
    /// </summary>
    public static string DefaultPolicy(string kind) => kind is "Job" or "ReplicationController" ? "Orphan" : "Background";

    /// <summary>Adds the policy's finalizer to the metadata of an object about to be deleted.</summary>
    public static void AddFinalizer(string kind, JsonObject metadata, string? propagationPolicy)
    {
        var finalizer = (propagationPolicy ?? DefaultPolicy(kind)) switch
        {
            "Orphan" => OrphanFinalizer,
            "Foreground" => ForegroundFinalizer,
            _ => null,
        };
        if (finalizer is null)
        {
            return;
        }
        if (metadata["finalizers"] is not JsonArray finalizers)
        {
            finalizers = [];
            metadata["finalizers"] = finalizers;
        }
        if (!finalizers.Any(f => (string?)f == finalizer))
        {
            finalizers.Add(finalizer);
        }
    }
}
