using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Lifecycle;

/// <summary>
/// Finishes deletions on the cluster clock: a terminating pod goes when its grace period is over, an object whose
/// finalizers are gone goes, and a terminating namespace takes everything in it along before it goes itself.
/// </summary>
public sealed class DeletionReaper(ObjectStore store, FakeClock clock, IReadOnlyList<ResourceDefinition> resources)
{
    public void Sweep()
    {
        var now = clock.Now;
        lock (store.Gate)
        {
            foreach (var (resource, obj) in store.Snapshot((_, o) => o["metadata"]?["deletionTimestamp"] is not null))
            {
                var metadata = obj["metadata"]!;
                var name = (string)metadata["name"]!;
                var ns = (string?)metadata["namespace"];
                var hasFinalizers = metadata["finalizers"] is JsonArray { Count: > 0 };
                var due = KubeTime.Parse((string?)metadata["deletionTimestamp"]) is { } deadline && deadline <= now;
                if (resource.Kind == "Namespace")
                {
                    EmptyNamespace(name);
                    store.Remove(resource, null, name);
                }
                else if (!hasFinalizers && (resource.Kind != "Pod" || due))
                {
                    store.Remove(resource, ns, name);
                }
            }
        }
    }

    private void EmptyNamespace(string @namespace)
    {
        foreach (var resource in resources.Where(r => r.Namespaced))
        {
            foreach (var (_, obj) in store.List(resource, @namespace, _ => true))
            {
                store.Remove(resource, @namespace, (string)obj["metadata"]!["name"]!);
            }
        }
    }

    /// <summary>Sweeps every <paramref name="interval"/> of real time until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
