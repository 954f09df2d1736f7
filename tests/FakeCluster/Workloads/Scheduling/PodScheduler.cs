using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Workloads.Scheduling;

/// <summary>
/// The default-scheduler's decision for one pod: the nodes it may go to (not cordoned, taints tolerated, nodeSelector
/// and required node affinity, room for its cpu, memory and one more pod within allocatable), the least allocated of
/// them; or, when none fits, the reasons in the scheduler's words. What the nodes hold is kept current from the
/// store's changes as the scheduler's cache is from its informers, so deciding reads no pod.
/// </summary>
public sealed class PodScheduler
{
    private readonly SortedDictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoundPod> _pods = new(StringComparer.Ordinal);

    public PodScheduler(ObjectStore store)
    {
        lock (store.Gate)
        {
            store.Changed += Observe;
            foreach (var (resource, obj) in store.Snapshot((r, _) => r.Kind is "Node" or "Pod"))
            {
                Observe(new WatchEvent(store.ResourceVersion, WatchEventType.Added, resource, obj));
            }
        }
    }

    /// <summary>The node for the pod, or null with the reason it fits none (the FailedScheduling message).</summary>
    public (string? Node, string? Unschedulable) Choose(JsonObject pod)
    {
        var spec = pod["spec"];
        var requests = PodRequests.Of(spec);
        var scoring = PodRequests.ForScoring(spec);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var preemption = new Dictionary<string, int>(StringComparer.Ordinal);
        NodeState? best = null;
        var bestScore = double.MinValue;
        foreach (var node in _nodes.Values)
        {
            var failures = Failures(node, spec, requests, out var helpless);
            if (failures.Count == 0)
            {
                // Equal scores (nodes full by the scoring defaults) go to the node with fewer pods, as the
                // scheduler's random pick among the best spreads them.
                var score = node.Score(scoring);
                if (best is null || score > bestScore || (score == bestScore && node.PodCount < best.PodCount))
                {
                    (best, bestScore) = (node, score);
                }
                continue;
            }
            foreach (var failure in failures)
            {
                reasons[failure] = reasons.GetValueOrDefault(failure) + 1;
            }
            var afterPreemption = helpless ? "Preemption is not helpful for scheduling" : "No preemption victims found for incoming pod";
            preemption[afterPreemption] = preemption.GetValueOrDefault(afterPreemption) + 1;
        }
        if (best is not null)
        {
            return (best.Name, null);
        }
        var message = $"0/{_nodes.Count} nodes are available";
        if (reasons.Count > 0)
        {
            message += $": {Histogram(reasons)}. preemption: 0/{_nodes.Count} nodes are available: {Histogram(preemption)}";
        }
        return (null, message + ".");
    }

    /// <summary>Binds the pod to the node as the binding subresource does: spec.nodeName and PodScheduled True.</summary>
    public static void Bind(JsonObject pod, string node, DateTimeOffset now)
    {
        ObjectDefaults.Ensure(pod, "spec")["nodeName"] = node;
        SetScheduledCondition(pod, new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "True",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = KubeTime.Format(now),
        });
    }

    /// <summary>Records the scheduler's verdict on a pod that fits no node: PodScheduled False, reason Unschedulable.</summary>
    public static void MarkUnschedulable(JsonObject pod, string message, DateTimeOffset now)
    {
        var previous = PodState.Condition(pod, "PodScheduled");
        var since = (string?)previous?["status"] == "False" ? (string?)previous["lastTransitionTime"] : null;
        SetScheduledCondition(pod, new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = since ?? KubeTime.Format(now),
            ["reason"] = "Unschedulable",
            ["message"] = message,
        });
    }

    private static void SetScheduledCondition(JsonObject pod, JsonObject condition)
    {
        var status = ObjectDefaults.Ensure(pod, "status");
        var others = (status["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Where(c => (string?)c["type"] != "PodScheduled").Select(c => c.DeepClone()).ToList() ?? [];
        status["conditions"] = new JsonArray([.. others, condition]);
        status["phase"] ??= "Pending";
    }

    /// <summary>Why the pod cannot go to the node (empty when it can); <paramref name="helpless"/> when evicting pods would not help.</summary>
    private static List<string> Failures(NodeState node, JsonNode? spec, PodRequests requests, out bool helpless)
    {
        helpless = true;
        if (node.Unschedulable)
        {
            return ["node(s) were unschedulable"];
        }
        if (NodeFilters.UntoleratedTaint(spec, node.Node) is { } taint)
        {
            return [$"node(s) had untolerated taint {{{(string?)taint["key"]}: {(string?)taint["value"]}}}"];
        }
        if (!NodeFilters.MatchesNodeSelector(spec, node.Node))
        {
            return ["node(s) didn't match Pod's node affinity/selector"];
        }
        helpless = false;
        var failures = new List<string>();
        if (node.PodCount + 1 > node.AllocatablePods)
        {
            failures.Add("Too many pods");
        }
        if (requests.MilliCpu > 0 && node.Requested.MilliCpu + requests.MilliCpu > node.Allocatable.MilliCpu)
        {
            failures.Add("Insufficient cpu");
        }
        if (requests.MemoryBytes > 0 && node.Requested.MemoryBytes + requests.MemoryBytes > node.Allocatable.MemoryBytes)
        {
            failures.Add("Insufficient memory");
        }
        return failures;
    }

    // "2 Insufficient cpu, 3 Too many pods": count and reason, sorted as text as the scheduler sorts them.
    private static string Histogram(Dictionary<string, int> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Value.ToString(CultureInfo.InvariantCulture)} {c.Key}").Order(StringComparer.Ordinal));

    private void Observe(WatchEvent change)
    {
        switch (change.Resource.Kind)
        {
            case "Node":
                ObserveNode(change);
                break;
            case "Pod":
                ObservePod(change);
                break;
        }
    }

    private void ObserveNode(WatchEvent change)
    {
        var name = ObjectFields.Name(change.Object);
        if (change.Type == WatchEventType.Deleted)
        {
            _nodes.Remove(name);
            return;
        }
        if (!_nodes.TryGetValue(name, out var node))
        {
            node = new NodeState(name);
            _nodes[name] = node;
            foreach (var pod in _pods.Values.Where(p => p.Node == name))
            {
                node.Add(pod, +1);
            }
        }
        node.Update(change.Object);
    }

    private void ObservePod(WatchEvent change)
    {
        var key = KeyedReconciler.KeyOf(change.Object);
        if (_pods.Remove(key, out var before) && _nodes.TryGetValue(before.Node, out var previousNode))
        {
            previousNode.Add(before, -1);
        }
        var nodeName = (string?)change.Object["spec"]?["nodeName"];
        if (change.Type == WatchEventType.Deleted || string.IsNullOrEmpty(nodeName) || PodState.IsTerminal(change.Object))
        {
            return;
        }
        var bound = new BoundPod(nodeName, PodRequests.Of(change.Object["spec"]), PodRequests.ForScoring(change.Object["spec"]));
        _pods[key] = bound;
        if (_nodes.TryGetValue(nodeName, out var node))
        {
            node.Add(bound, +1);
        }
    }

    private sealed record BoundPod(string Node, PodRequests Requests, PodRequests Scoring);

    /// <summary>One node as the scheduler sees it: allocatable, what its pods request, labels and taints.</summary>
    private sealed class NodeState(string name)
    {
        public string Name { get; } = name;

        public JsonObject Node { get; private set; } = [];

        public bool Unschedulable { get; private set; }

        public PodRequests Allocatable { get; private set; }

        public long AllocatablePods { get; private set; }

        public PodRequests Requested { get; private set; }

        public PodRequests RequestedForScoring { get; private set; }

        public long PodCount { get; private set; }

        public void Update(JsonObject node)
        {
            Node = node.DeepClone().AsObject();
            Unschedulable = ObjectFields.IsTrue(node["spec"]?["unschedulable"]);
            var allocatable = node["status"]?["allocatable"] ?? node["status"]?["capacity"];
            Allocatable = new PodRequests(PodRequests.Parse(allocatable?["cpu"]?.ToString(), cpu: true), PodRequests.Parse(allocatable?["memory"]?.ToString(), cpu: false));
            AllocatablePods = PodRequests.Parse(allocatable?["pods"]?.ToString(), cpu: false);
        }

        public void Add(BoundPod pod, int sign)
        {
            Requested = sign > 0 ? Requested + pod.Requests : Requested - pod.Requests;
            RequestedForScoring = sign > 0 ? RequestedForScoring + pod.Scoring : RequestedForScoring - pod.Scoring;
            PodCount += sign;
        }

        /// <summary>NodeResourcesFit's LeastAllocated score: the share of cpu and memory left once the pod is on.</summary>
        public double Score(PodRequests pod)
        {
            static double Free(long requested, long allocatable) =>
                allocatable <= 0 ? 0 : Math.Max(0, allocatable - requested) / (double)allocatable;
            var after = RequestedForScoring + pod;
            return (Free(after.MilliCpu, Allocatable.MilliCpu) + Free(after.MemoryBytes, Allocatable.MemoryBytes)) / 2;
        }
    }
}
