using System.Globalization;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The StatefulSet controller: pods NAME-0..N-1 with stable names and hostnames; with OrderedReady the next pod
/// starts only when the ones before it are Ready, and scaling down or a rolling update goes one pod at a time
/// from the highest ordinal; Parallel does everything at once.
/// </summary>
public sealed class StatefulSetController : IPassController
{
    public const string RevisionLabel = "controller-revision-hash";
    private const string Component = "statefulset-controller";

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var set in client.List("statefulsets"))
        {
            Sync(client, set);
        }
    }

    private static int? Ordinal(JsonObject set, JsonObject pod)
    {
        var prefix = ObjectFields.Name(set) + "-";
        var name = ObjectFields.Name(pod);
        return name.StartsWith(prefix, StringComparison.Ordinal) &&
               int.TryParse(name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : null;
    }

    private static void Sync(ControllerClient client, JsonObject set)
    {
        var hash = TemplateHash.Compute(set["spec"]?["template"]);
        var updateRevision = $"{ObjectFields.Name(set)}-{hash}";
        if (!ObjectFields.IsDeleting(set))
        {
            ControllerRevisions.Record(client, set, hash);
            Manage(client, set, updateRevision);
        }
        var pods = client.List("pods", ObjectFields.Namespace(set), p => ObjectFields.IsControlledBy(p, set) && Ordinal(set, p) is not null);
        client.UpdateStatus("statefulsets", set, Status(set, pods, updateRevision, client.Now));
        client.WakeWhenAvailable(pods, ObjectFields.Long(set["spec"]?["minReadySeconds"]));
    }

    private static void Manage(ControllerClient client, JsonObject set, string updateRevision)
    {
        var spec = set["spec"] as JsonObject ?? [];
        var replicas = ObjectFields.Long(spec["replicas"], 1);
        var ordered = (string?)spec["podManagementPolicy"] != "Parallel";
        var pods = PodTemplates.OwnedPods(client, set, pod => Ordinal(set, pod) is not null)
            .Where(p => Ordinal(set, p) is not null)
            .ToDictionary(p => Ordinal(set, p)!.Value);

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            if (!pods.TryGetValue(ordinal, out var pod))
            {
                if (client.Create("pods", NewPod(set, ordinal, updateRevision)) is not null)
                {
                    client.Event(set, "SuccessfulCreate", $"create Pod {ObjectFields.Name(set)}-{ordinal} in StatefulSet {ObjectFields.Name(set)} successful", Component);
                }
                if (ordered)
                {
                    return;
                }
            }
            else if (PodState.IsTerminal(pod) && !ObjectFields.IsDeleting(pod))
            {
                // A finished pod is replaced: delete it now, create it again once it is gone.
                DeletePod(client, set, pod);
                if (ordered)
                {
                    return;
                }
            }
            else if (ordered && (ObjectFields.IsDeleting(pod) || !PodState.IsReady(pod)))
            {
                return;
            }
        }

        var condemned = pods.Where(p => p.Key >= replicas).OrderByDescending(p => p.Key).Select(p => p.Value).ToList();
        if (ordered && pods.Values.Any(ObjectFields.IsDeleting))
        {
            return;
        }
        foreach (var pod in ordered ? condemned.Take(1) : condemned)
        {
            DeletePod(client, set, pod);
        }
        if (condemned.Count > 0 || (string?)spec["updateStrategy"]?["type"] == "OnDelete")
        {
            return;
        }

        // Rolling update from the highest ordinal down to the partition, one pod at a time.
        var partition = ObjectFields.Long(spec["updateStrategy"]?["rollingUpdate"]?["partition"]);
        var stale = pods.Where(p => p.Key >= partition && p.Key < replicas && ObjectFields.Labels(p.Value).GetValueOrDefault(RevisionLabel) != updateRevision)
            .OrderByDescending(p => p.Key).Select(p => p.Value).FirstOrDefault();
        if (stale is not null && pods.Values.All(p => !ObjectFields.IsDeleting(p) && PodState.IsReady(p)))
        {
            DeletePod(client, set, stale);
        }
    }

    private static void DeletePod(ControllerClient client, JsonObject set, JsonObject pod)
    {
        client.Delete("pods", pod);
        client.Event(set, "SuccessfulDelete", $"delete Pod {ObjectFields.Name(pod)} in StatefulSet {ObjectFields.Name(set)} successful", Component);
    }

    private static JsonObject NewPod(JsonObject set, int ordinal, string revision)
    {
        var name = $"{ObjectFields.Name(set)}-{ordinal}";
        var pod = PodTemplates.NewPod(set, set["spec"]?["template"], name, generateName: null, new Dictionary<string, string>
        {
            [RevisionLabel] = revision,
            ["statefulset.kubernetes.io/pod-name"] = name,
            ["apps.kubernetes.io/pod-index"] = ordinal.ToString(CultureInfo.InvariantCulture),
        });
        var spec = pod["spec"]!.AsObject();
        spec["hostname"] = name;
        if ((string?)set["spec"]?["serviceName"] is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }
        return pod;
    }

    private static JsonObject Status(JsonObject set, List<JsonObject> pods, string updateRevision, DateTimeOffset now)
    {
        var live = pods.Where(p => !PodState.IsTerminal(p)).ToList();
        var previous = set["status"] as JsonObject;
        var currentRevision = (string?)previous?["currentRevision"] ?? updateRevision;
        var replicas = ObjectFields.Long(set["spec"]?["replicas"], 1);
        var updated = live.Count(p => ObjectFields.Labels(p).GetValueOrDefault(RevisionLabel) == updateRevision);
        if (updated == replicas && live.Count == replicas)
        {
            currentRevision = updateRevision;
        }
        var minReadySeconds = ObjectFields.Long(set["spec"]?["minReadySeconds"]);
        return new JsonObject
        {
            ["observedGeneration"] = ObjectFields.Generation(set),
            ["replicas"] = live.Count,
            ["readyReplicas"] = live.Count(PodState.IsReady),
            ["currentReplicas"] = live.Count(p => ObjectFields.Labels(p).GetValueOrDefault(RevisionLabel) == currentRevision),
            ["updatedReplicas"] = updated,
            ["currentRevision"] = currentRevision,
            ["updateRevision"] = updateRevision,
            ["collisionCount"] = 0,
            ["availableReplicas"] = live.Count(p => PodState.IsAvailable(p, minReadySeconds, now)),
        };
    }
}
