using System.Text.Json.Nodes;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The ReplicaSet controller (and, with a map selector, the ReplicationController manager): keeps spec.replicas
/// active pods, replacing pods that finish or terminate, deleting the least useful extras first, and reports status.
/// </summary>
public sealed class ReplicaSetController(string plural, string kind, string component) : KeyedReconciler
{
    private const int BurstReplicas = 500;

    // The sets by namespace, so that a pod without a controller can be offered to each for adoption.
    private readonly Dictionary<string, HashSet<string>> _setsByNamespace = new(StringComparer.Ordinal);

    public static ReplicaSetController ForReplicaSets() => new("replicasets", "ReplicaSet", "replicaset-controller");

    public static ReplicaSetController ForReplicationControllers() => new("replicationcontrollers", "ReplicationController", "replication-controller");

    public override void Notice(WatchEvent change)
    {
        var obj = change.Object;
        var ns = ObjectFields.Namespace(obj) ?? "";
        if (change.Resource.Plural == plural)
        {
            if (!_setsByNamespace.TryGetValue(ns, out var sets))
            {
                sets = new HashSet<string>(StringComparer.Ordinal);
                _setsByNamespace[ns] = sets;
            }
            if (change.Type == WatchEventType.Deleted)
            {
                sets.Remove(KeyOf(obj));
            }
            else
            {
                sets.Add(KeyOf(obj));
                Queue.Add(KeyOf(obj));
            }
        }
        else if (change.Resource.Kind == "Pod")
        {
            if (ObjectFields.ControllerReference(obj) is { } owner)
            {
                if ((string?)owner["kind"] == kind)
                {
                    Queue.Add(KeyOf(ns, (string?)owner["name"] ?? ""));
                }
            }
            else if (change.Type != WatchEventType.Deleted && _setsByNamespace.TryGetValue(ns, out var candidates))
            {
                candidates.ToList().ForEach(Queue.Add);
            }
        }
    }

    protected override void ReconcileKey(ReconcileContext context, string key)
    {
        var (ns, name) = SplitKey(key);
        var client = new ControllerClient(context);
        if (client.Get(plural, ns, name) is { } set)
        {
            Sync(client, set);
        }
    }

    private void Sync(ControllerClient client, JsonObject set)
    {
        var ns = ObjectFields.Namespace(set);
        var pods = client.Peek("pods", ns, p => ObjectFields.IsControlledBy(p, set));
        if (!ObjectFields.IsDeleting(set) && (pods.Count(PodState.IsActive) != ObjectFields.Long(set["spec"]?["replicas"], 1) || HasOrphans(client, set)))
        {
            // Only when there is something to do are the pods copied out to adopt, create or delete.
            ManageReplicas(client, set, PodTemplates.OwnedPods(client, set).Where(PodState.IsActive).ToList());
            pods = client.Peek("pods", ns, p => ObjectFields.IsControlledBy(p, set));
        }
        var status = Status(set, pods, client.Now);
        client.UpdateStatus(plural, set, status);
        client.WakeWhenAvailable(pods, ObjectFields.Long(set["spec"]?["minReadySeconds"]));
    }

    private void ManageReplicas(ControllerClient client, JsonObject set, List<JsonObject> active)
    {
        var wanted = ObjectFields.Long(set["spec"]?["replicas"], 1);
        // At most BurstReplicas creations or deletions a sync, as kube-controller-manager's --replicaset-burst
        // (500): the pods made queue the set again, and the API server is not held up for thousands at once.
        var missing = Math.Clamp(wanted - active.Count, -BurstReplicas, BurstReplicas);
        for (var i = 0; i < missing; i++)
        {
            var pod = PodTemplates.NewPod(set, set["spec"]?["template"], name: null, generateName: ObjectFields.Name(set) + "-");
            if (client.Create("pods", pod) is { } created)
            {
                client.Event(set, "SuccessfulCreate", $"Created pod: {ObjectFields.Name(created)}", component);
            }
        }
        foreach (var pod in active.OrderBy(DeletionRank).ThenByDescending(ObjectFields.Created).Take((int)Math.Max(0, -missing)))
        {
            client.Delete("pods", pod);
            client.Event(set, "SuccessfulDelete", $"Deleted pod: {ObjectFields.Name(pod)}", component);
        }
    }

    private static bool HasOrphans(ControllerClient client, JsonObject set)
    {
        var selector = ObjectFields.Selector(set["spec"]?["selector"]);
        return selector is not null && client.Peek("pods", ObjectFields.Namespace(set), p =>
            ObjectFields.ControllerReference(p) is null && !ObjectFields.IsDeleting(p) && selector.Matches(ObjectFields.Labels(p))).Count > 0;
    }

    /// <summary>Which pods go first when scaling down: unscheduled, then pending, then not ready, then ready ones.</summary>
    private static int DeletionRank(JsonObject pod) =>
        string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]) ? 0
        : PodState.Phase(pod) == "Pending" ? 1
        : PodState.Phase(pod) == "Unknown" ? 2
        : !PodState.IsReady(pod) ? 3
        : 4;

    private static JsonObject Status(JsonObject set, List<JsonObject> pods, DateTimeOffset now)
    {
        var active = pods.Where(PodState.IsActive).ToList();
        var templateLabels = ObjectFields.StringMap(set["spec"]?["template"]?["metadata"]?["labels"]);
        var minReadySeconds = ObjectFields.Long(set["spec"]?["minReadySeconds"]);
        var status = new JsonObject
        {
            ["replicas"] = active.Count,
            ["fullyLabeledReplicas"] = active.Count(p => templateLabels.All(l => ObjectFields.Labels(p).TryGetValue(l.Key, out var v) && v == l.Value)),
            ["readyReplicas"] = active.Count(PodState.IsReady),
            ["availableReplicas"] = active.Count(p => PodState.IsAvailable(p, minReadySeconds, now)),
            ["observedGeneration"] = ObjectFields.Generation(set),
        };
        // The API server drops zero counts (omitempty); kubectl's columns read them as 0.
        foreach (var field in new[] { "fullyLabeledReplicas", "readyReplicas", "availableReplicas" })
        {
            if (ObjectFields.Long(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        return status;
    }
}
