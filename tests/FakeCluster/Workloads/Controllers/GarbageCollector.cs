using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The garbage collector, by ownerReferences: an object whose owners are all gone is deleted (background
/// deletion), references to owners that are gone are dropped; an owner deleted in the foreground (finalizer
/// foregroundDeletion) has its dependents deleted first and goes once no blocking dependent is left; an owner
/// deleted with Orphan (finalizer orphan) has its dependents' references to it removed, then goes.
/// </summary>
public sealed class GarbageCollector : IReconciler
{
    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        var objects = context.Store.Snapshot((_, _) => true);
        var byUid = objects.Where(o => ObjectFields.Uid(o.Object).Length > 0)
            .GroupBy(o => ObjectFields.Uid(o.Object))
            .ToDictionary(g => g.Key, g => g.First());
        var dependents = objects
            .SelectMany(o => References(o.Object).Select(r => (Owner: (string?)r["uid"] ?? "", Dependent: o)))
            .ToLookup(pair => pair.Owner, pair => pair.Dependent);

        foreach (var (resource, owner) in objects.Where(o => ObjectFields.IsDeleting(o.Object)))
        {
            var finalizers = (owner["metadata"]?["finalizers"] as JsonArray)?.Select(f => (string?)f).ToList() ?? [];
            if (finalizers.Contains(DeletionPropagation.OrphanFinalizer))
            {
                Orphan(client, owner, dependents[ObjectFields.Uid(owner)]);
                RemoveFinalizer(client, resource, owner, DeletionPropagation.OrphanFinalizer);
            }
            else if (finalizers.Contains(DeletionPropagation.ForegroundFinalizer))
            {
                DeleteDependentsFirst(client, resource, owner, dependents[ObjectFields.Uid(owner)].ToList());
            }
        }

        foreach (var (resource, obj) in objects)
        {
            var references = References(obj).ToList();
            if (references.Count == 0 || ObjectFields.IsDeleting(obj))
            {
                continue;
            }
            var absent = references.Where(r => !OwnerExists(r, obj, byUid)).ToList();
            if (absent.Count == references.Count)
            {
                client.Delete(resource.Plural, obj);
            }
            else if (absent.Count > 0)
            {
                var current = client.Get(resource.Plural, ObjectFields.Namespace(obj), ObjectFields.Name(obj));
                if (current is not null)
                {
                    var absentUids = absent.Select(r => (string?)r["uid"]).ToHashSet();
                    SetReferences(current, References(current).Where(r => !absentUids.Contains((string?)r["uid"])));
                    client.Update(resource.Plural, current);
                }
            }
        }
    }

    private static IEnumerable<JsonObject> References(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>The owner is there with that uid and kind; a namespaced owner must be in the dependent's namespace.</summary>
    private static bool OwnerExists(JsonObject reference, JsonObject dependent, Dictionary<string, (ResourceDefinition Resource, JsonObject Object)> byUid) =>
        byUid.TryGetValue((string?)reference["uid"] ?? "", out var owner) &&
        owner.Resource.Kind == (string?)reference["kind"] &&
        (!owner.Resource.Namespaced || ObjectFields.Namespace(owner.Object) == ObjectFields.Namespace(dependent));

    private static void Orphan(ControllerClient client, JsonObject owner, IEnumerable<(ResourceDefinition Resource, JsonObject Object)> dependents)
    {
        foreach (var (resource, dependent) in dependents)
        {
            if (client.Get(resource.Plural, ObjectFields.Namespace(dependent), ObjectFields.Name(dependent)) is not { } current)
            {
                continue;
            }
            SetReferences(current, References(current).Where(r => (string?)r["uid"] != ObjectFields.Uid(owner)));
            client.Update(resource.Plural, current);
        }
    }

    /// <summary>Deletes every dependent in the foreground too; the owner goes when no dependent blocks it any more.</summary>
    private static void DeleteDependentsFirst(ControllerClient client, ResourceDefinition resource, JsonObject owner, List<(ResourceDefinition Resource, JsonObject Object)> dependents)
    {
        foreach (var (dependentResource, dependent) in dependents.Where(d => !ObjectFields.IsDeleting(d.Object)))
        {
            client.Delete(dependentResource.Plural, dependent, "Foreground");
        }
        var blocking = dependents.Any(d => References(d.Object).Any(r =>
            (string?)r["uid"] == ObjectFields.Uid(owner) && ObjectFields.IsTrue(r["blockOwnerDeletion"])));
        if (!blocking)
        {
            RemoveFinalizer(client, resource, owner, DeletionPropagation.ForegroundFinalizer);
        }
    }

    private static void RemoveFinalizer(ControllerClient client, ResourceDefinition resource, JsonObject owner, string finalizer)
    {
        if (client.Get(resource.Plural, ObjectFields.Namespace(owner), ObjectFields.Name(owner)) is not { } current)
        {
            return;
        }
        var kept = (current["metadata"]?["finalizers"] as JsonArray)?.Where(f => (string?)f != finalizer).Select(f => f?.DeepClone()).ToArray() ?? [];
        if (kept.Length == 0)
        {
            ObjectFields.Metadata(current).Remove("finalizers");
        }
        else
        {
            current["metadata"]!["finalizers"] = new JsonArray(kept);
        }
        client.Update(resource.Plural, current);
    }

    private static void SetReferences(JsonObject obj, IEnumerable<JsonObject> references)
    {
        var kept = references.Select(r => r.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            ObjectFields.Metadata(obj).Remove("ownerReferences");
        }
        else
        {
            obj["metadata"]!["ownerReferences"] = new JsonArray(kept);
        }
    }
}
