using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The garbage collector, by ownerReferences: an object whose owners are all gone is deleted (background
/// deletion), references to owners that are gone are dropped; an owner deleted in the foreground (finalizer
/// foregroundDeletion) has its dependents deleted first and goes once no blocking dependent is left; an owner
/// deleted with Orphan (finalizer orphan) has its dependents' references to it removed, then goes.
/// Like the real one it keeps a graph of owners and dependents from the changes it sees, and looks only at the
/// objects a change concerns: a dependent that changed, the dependents of an owner that went or is being deleted.
/// </summary>
public sealed class GarbageCollector : KeyedReconciler
{
    // Every object with a uid, by uid: whether an owner a reference names is there, and where.
    private readonly Dictionary<string, (ResourceDefinition Resource, string? Namespace, string Name)> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _ownersOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletingUids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceDefinition> _byPlural = new(StringComparer.Ordinal);

    public override void Notice(WatchEvent change)
    {
        if (change.Resource.Plural == "events")
        {
            return;
        }
        var obj = change.Object;
        var uid = ObjectFields.Uid(obj);
        var key = Key(change.Resource, obj);
        _byPlural[change.Resource.Plural] = change.Resource;
        var owners = References(obj).Select(r => (string?)r["uid"] ?? "").ToArray();
        Relink(key, change.Type == WatchEventType.Deleted ? [] : owners);
        if (change.Type == WatchEventType.Deleted)
        {
            _byUid.Remove(uid);
            _deletingUids.Remove(uid);
            // Its dependents lost an owner; an owner deleting in the foreground may be free to go.
            QueueDependents(uid);
            QueueDeletingOwners(owners);
            return;
        }
        if (uid.Length > 0)
        {
            _byUid[uid] = (change.Resource, ObjectFields.Namespace(obj), ObjectFields.Name(obj));
        }
        if (ObjectFields.IsDeleting(obj))
        {
            _deletingUids.Add(uid);
            Queue.Add(key);
        }
        if (owners.Length > 0)
        {
            Queue.Add(key);
            QueueDeletingOwners(owners);
        }
    }

    protected override void ReconcileKey(ReconcileContext context, string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var resource = _byPlural[key[..colon]];
        var (ns, name) = SplitKey(key[(colon + 1)..]);
        var client = new ControllerClient(context);
        if (client.Get(resource.Plural, ns, name) is not { } obj)
        {
            return;
        }
        if (ObjectFields.IsDeleting(obj))
        {
            var finalizers = (obj["metadata"]?["finalizers"] as JsonArray)?.Select(f => (string?)f).ToList() ?? [];
            if (finalizers.Contains(DeletionPropagation.OrphanFinalizer))
            {
                Orphan(client, obj, Dependents(client, ObjectFields.Uid(obj)));
                RemoveFinalizer(client, resource, obj, DeletionPropagation.OrphanFinalizer);
            }
            else if (finalizers.Contains(DeletionPropagation.ForegroundFinalizer))
            {
                DeleteDependentsFirst(client, resource, obj, Dependents(client, ObjectFields.Uid(obj)));
            }
            return;
        }
        var references = References(obj).ToList();
        if (references.Count == 0)
        {
            return;
        }
        var absent = references.Where(r => !OwnerExists(r, obj)).ToList();
        if (absent.Count == references.Count)
        {
            client.Delete(resource.Plural, obj);
        }
        else if (absent.Count > 0)
        {
            var absentUids = absent.Select(r => (string?)r["uid"]).ToHashSet();
            SetReferences(obj, References(obj).Where(r => !absentUids.Contains((string?)r["uid"])));
            client.Update(resource.Plural, obj);
        }
    }

    private static string Key(ResourceDefinition resource, JsonObject obj) => $"{resource.Plural}:{KeyOf(obj)}";

    private void Relink(string key, string[] owners)
    {
        if (_ownersOf.Remove(key, out var before))
        {
            foreach (var owner in before)
            {
                if (_dependents.TryGetValue(owner, out var set) && set.Remove(key) && set.Count == 0)
                {
                    _dependents.Remove(owner);
                }
            }
        }
        if (owners.Length == 0)
        {
            return;
        }
        _ownersOf[key] = owners;
        foreach (var owner in owners)
        {
            if (!_dependents.TryGetValue(owner, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                _dependents[owner] = set;
            }
            set.Add(key);
        }
    }

    private void QueueDependents(string uid)
    {
        foreach (var dependent in _dependents.GetValueOrDefault(uid) ?? [])
        {
            Queue.Add(dependent);
        }
    }

    private void QueueDeletingOwners(IEnumerable<string> owners)
    {
        foreach (var owner in owners)
        {
            if (_deletingUids.Contains(owner) && _byUid.TryGetValue(owner, out var at))
            {
                Queue.Add($"{at.Resource.Plural}:{KeyOf(at.Namespace, at.Name)}");
            }
        }
    }

    /// <summary>The owner's dependents as stored now.</summary>
    private List<(ResourceDefinition Resource, JsonObject Object)> Dependents(ControllerClient client, string ownerUid)
    {
        var found = new List<(ResourceDefinition, JsonObject)>();
        foreach (var key in (_dependents.GetValueOrDefault(ownerUid) ?? []).Order(StringComparer.Ordinal).ToList())
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var resource = _byPlural[key[..colon]];
            var (ns, name) = SplitKey(key[(colon + 1)..]);
            if (client.Get(resource.Plural, ns, name) is { } dependent)
            {
                found.Add((resource, dependent));
            }
        }
        return found;
    }

    /// <summary>The owner is there with that uid and kind; a namespaced owner must be in the dependent's namespace.</summary>
    private bool OwnerExists(JsonObject reference, JsonObject dependent) =>
        _byUid.TryGetValue((string?)reference["uid"] ?? "", out var owner) &&
        owner.Resource.Kind == (string?)reference["kind"] &&
        (!owner.Resource.Namespaced || owner.Namespace == ObjectFields.Namespace(dependent));

    private static IEnumerable<JsonObject> References(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>() ?? [];

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
