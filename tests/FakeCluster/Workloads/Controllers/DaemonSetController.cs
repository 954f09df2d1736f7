using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.FakeCluster.Workloads.Scheduling;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The DaemonSet controller: one pod on every node the template's nodeSelector, required node affinity and
/// taints allow, pinned there by node affinity on metadata.name; rolling updates replace at most maxUnavailable
/// pods at a time.
/// </summary>
public sealed class DaemonSetController : IPassController
{
    private const string Component = "daemonset-controller";

    // What the controller adds so daemons stay on troubled nodes, as the real one does.
    private static readonly (string Key, string Effect)[] AddedTolerations =
    [
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ];

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        var sets = client.List("daemonsets");
        var nodes = sets.Count > 0 ? client.List("nodes") : [];
        foreach (var set in sets)
        {
            Sync(client, set, nodes);
        }
    }

    private static void Sync(ControllerClient client, JsonObject set, IReadOnlyList<JsonObject> nodes)
    {
        var template = set["spec"]?["template"];
        var hash = TemplateHash.Compute(template);
        var eligible = nodes.Where(node => NodeFilters.RunsOn(template?["spec"], node)).Select(ObjectFields.Name).ToHashSet();
        if (!ObjectFields.IsDeleting(set))
        {
            ControllerRevisions.Record(client, set, hash);
            Manage(client, set, nodes, eligible, hash);
        }
        var pods = client.List("pods", ObjectFields.Namespace(set), p => ObjectFields.IsControlledBy(p, set) && !PodState.IsTerminal(p));
        var minReadySeconds = ObjectFields.Long(set["spec"]?["minReadySeconds"]);
        var onEligible = pods.Where(p => eligible.Contains(NodeOf(p))).ToList();
        var available = onEligible.Count(p => PodState.IsAvailable(p, minReadySeconds, client.Now));
        client.WakeWhenAvailable(onEligible, minReadySeconds);
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = onEligible.Select(NodeOf).Distinct().Count(),
            ["numberMisscheduled"] = pods.Where(p => !eligible.Contains(NodeOf(p))).Select(NodeOf).Distinct().Count(),
            ["desiredNumberScheduled"] = eligible.Count,
            ["numberReady"] = onEligible.Count(PodState.IsReady),
            ["observedGeneration"] = ObjectFields.Generation(set),
            ["updatedNumberScheduled"] = onEligible.Count(p => ObjectFields.Labels(p).GetValueOrDefault(StatefulSetController.RevisionLabel) == hash),
            ["numberAvailable"] = available,
            ["numberUnavailable"] = eligible.Count - available,
        };
        foreach (var field in new[] { "numberAvailable", "numberUnavailable", "updatedNumberScheduled" })
        {
            if (ObjectFields.Long(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        client.UpdateStatus("daemonsets", set, status);
    }

    private static string NodeOf(JsonObject pod) =>
        (string?)pod["spec"]?["nodeName"] ?? "";

    private static void Manage(ControllerClient client, JsonObject set, IReadOnlyList<JsonObject> nodes, HashSet<string> eligible, string hash)
    {
        var pods = PodTemplates.OwnedPods(client, set).Where(p => !ObjectFields.IsDeleting(p)).ToList();
        foreach (var node in nodes.Select(ObjectFields.Name))
        {
            var here = pods.Where(p => NodeOf(p) == node).OrderBy(ObjectFields.Created).ToList();
            foreach (var finished in here.Where(PodState.IsTerminal))
            {
                DeletePod(client, set, finished);
            }
            here = here.Where(p => !PodState.IsTerminal(p)).ToList();
            if (!eligible.Contains(node))
            {
                here.ForEach(p => DeletePod(client, set, p));
            }
            else if (here.Count == 0)
            {
                if (client.Create("pods", NewPod(set, node, hash)) is { } created)
                {
                    client.Event(set, "SuccessfulCreate", $"Created pod: {ObjectFields.Name(created)}", Component);
                }
            }
            else
            {
                here.Skip(1).ToList().ForEach(p => DeletePod(client, set, p));
            }
        }
        if ((string?)set["spec"]?["updateStrategy"]?["type"] == "OnDelete")
        {
            return;
        }
        var minReadySeconds = ObjectFields.Long(set["spec"]?["minReadySeconds"]);
        var current = client.List("pods", ObjectFields.Namespace(set), p => ObjectFields.IsControlledBy(p, set) && !PodState.IsTerminal(p));
        var maxUnavailable = Math.Max(1, IntOrPercent.Resolve(set["spec"]?["updateStrategy"]?["rollingUpdate"]?["maxUnavailable"], eligible.Count, roundUp: true, fallback: 1));
        var unavailable = eligible.Count(node => !current.Any(p => NodeOf(p) == node && !ObjectFields.IsDeleting(p) && PodState.IsAvailable(p, minReadySeconds, client.Now)));
        foreach (var stale in current.Where(p => !ObjectFields.IsDeleting(p) && ObjectFields.Labels(p).GetValueOrDefault(StatefulSetController.RevisionLabel) != hash))
        {
            var wasAvailable = PodState.IsAvailable(stale, minReadySeconds, client.Now);
            if (wasAvailable && unavailable >= maxUnavailable)
            {
                break;
            }
            DeletePod(client, set, stale);
            unavailable += wasAvailable ? 1 : 0;
        }
    }

    private static void DeletePod(ControllerClient client, JsonObject set, JsonObject pod)
    {
        client.Delete("pods", pod);
        client.Event(set, "SuccessfulDelete", $"Deleted pod: {ObjectFields.Name(pod)}", Component);
    }

    private static JsonObject NewPod(JsonObject set, string node, string hash)
    {
        var pod = PodTemplates.NewPod(set, set["spec"]?["template"], name: null, generateName: ObjectFields.Name(set) + "-", new Dictionary<string, string>
        {
            [StatefulSetController.RevisionLabel] = hash,
            ["pod-template-generation"] = ObjectFields.Generation(set).ToString(CultureInfo.InvariantCulture),
        });
        var spec = pod["spec"]!.AsObject();
        var affinity = ObjectDefaults(spec, "affinity");
        ObjectDefaults(affinity, "nodeAffinity")["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
        {
            ["nodeSelectorTerms"] = new JsonArray(new JsonObject
            {
                ["matchFields"] = new JsonArray(new JsonObject
                {
                    ["key"] = "metadata.name",
                    ["operator"] = "In",
                    ["values"] = new JsonArray(node),
                }),
            }),
        };
        if (spec["tolerations"] is not JsonArray tolerations)
        {
            tolerations = [];
            spec["tolerations"] = tolerations;
        }
        foreach (var (key, effect) in AddedTolerations)
        {
            if (!tolerations.Any(t => (string?)t?["key"] == key && (string?)t?["effect"] == effect))
            {
                tolerations.Add(new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = effect });
            }
        }
        return pod;
    }

    private static JsonObject ObjectDefaults(JsonObject parent, string name) => Api.ObjectDefaults.Ensure(parent, name);
}
