using System.Text.Json.Nodes;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// A control loop with a work queue keyed by namespace/name, as client-go's controllers have: changes queue keys,
/// each pass works each queued or due key once. A key that fails is tried again a second later (cluster time),
/// and the others go on; the failure surfaces to the controller manager after the pass.
/// </summary>
public abstract class KeyedReconciler : IReconciler
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected WorkQueue<string> Queue { get; } = new();

    public abstract void Notice(WatchEvent change);

    public int Reconcile(ReconcileContext context)
    {
        var keys = Queue.TakeDue(context.Now);
        Exception? failure = null;
        foreach (var key in keys)
        {
            try
            {
                context.TakeWake();
                ReconcileKey(context, key);
                if (context.TakeWake() is { } wake)
                {
                    Queue.AddAt(key, wake);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
                Queue.AddAt(key, context.Now + RetryAfter);
            }
        }
        if (failure is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} failed on some keys; they are retried.", failure);
        }
        return keys.Count;
    }

    protected abstract void ReconcileKey(ReconcileContext context, string key);

    /// <summary>namespace/name, or the name of a cluster-scoped object.</summary>
    public static string KeyOf(JsonObject obj) => KeyOf((string?)obj["metadata"]?["namespace"], (string?)obj["metadata"]?["name"] ?? "");

    public static string KeyOf(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : $"{@namespace}/{name}";

    public static (string? Namespace, string Name) SplitKey(string key) =>
        key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? (key[..slash], key[(slash + 1)..]) : (null, key);
}
