using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The ReplicaSet controller (and, with a map selector, the ReplicationController manager): keeps spec.replicas
/// active pods, replacing pods that finish or terminate, deleting the least useful extras first, and reports status.
/// </summary>
public sealed class ReplicaSetController(string plural, string component) : IReconciler
{
    public static ReplicaSetController ForReplicaSets() => new("replicasets", "replicaset-controller");

    public static ReplicaSetController ForReplicationControllers() => new("replicationcontrollers", "replication-controller");

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var set in client.List(plural))
        {
            Sync(client, set);
        }
    }

    private void Sync(ControllerClient client, JsonObject set)
    {
        var pods = PodTemplates.OwnedPods(client, set);
        if (!ObjectFields.IsDeleting(set))
        {
            ManageReplicas(client, set, pods.Where(PodState.IsActive).ToList());
            pods = client.List("pods", ObjectFields.Namespace(set), p => ObjectFields.IsControlledBy(p, set));
        }
        var status = Status(set, pods, client.Now);
        client.UpdateStatus(plural, set, status);
    }

    private void ManageReplicas(ControllerClient client, JsonObject set, List<JsonObject> active)
    {
        var wanted = ObjectFields.Long(set["spec"]?["replicas"], 1);
        var missing = wanted - active.Count;
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
