using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads;

namespace PSKube.FakeCluster.Lifecycle;

/// <summary>
/// Finishes deletions on the cluster clock: a terminating pod goes when its grace period is over, an object whose
/// finalizers are gone goes, and a terminating namespace takes everything in it along before it goes itself.
/// It looks at an object when it changes while being deleted, and at a pod again when its grace period ends.
/// </summary>
public sealed class DeletionReaper(IReadOnlyList<ResourceDefinition> resources) : KeyedReconciler
{
    private readonly Dictionary<string, ResourceDefinition> _byPlural = resources.GroupBy(r => r.Plural).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public override void Notice(WatchEvent change)
    {
        if (change.Type != WatchEventType.Deleted && change.Object["metadata"]?["deletionTimestamp"] is not null)
        {
            Queue.Add($"{change.Resource.Plural}:{KeyOf(change.Object)}");
        }
    }

    protected override void ReconcileKey(ReconcileContext context, string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (!_byPlural.TryGetValue(key[..colon], out var resource))
        {
            return;
        }
        var (ns, name) = SplitKey(key[(colon + 1)..]);
        var store = context.Store;
        if (store.Get(resource, resource.Namespaced ? ns : null, name) is not { } obj || obj["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }
        var metadata = obj["metadata"]!;
        var hasFinalizers = metadata["finalizers"] is JsonArray { Count: > 0 };
        var deadline = KubeTime.Parse((string?)metadata["deletionTimestamp"]);
        if (resource.Kind == "Namespace")
        {
            EmptyNamespace(store, name);
            store.Remove(resource, null, name);
        }
        else if (!hasFinalizers && (resource.Kind != "Pod" || deadline <= context.Now))
        {
            store.Remove(resource, ns, name);
        }
        else if (!hasFinalizers && deadline is { } due)
        {
            Queue.AddAt(key, due);
        }
    }

    private void EmptyNamespace(ObjectStore store, string @namespace)
    {
        foreach (var resource in resources.Where(r => r.Namespaced))
        {
            foreach (var (_, obj) in store.List(resource, @namespace, _ => true))
            {
                store.Remove(resource, @namespace, (string)obj["metadata"]!["name"]!);
            }
        }
    }
}
