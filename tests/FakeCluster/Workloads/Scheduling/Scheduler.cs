using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Workloads.Scheduling;

/// <summary>
/// The default-scheduler's loop: binds pods that have no node yet (pods the API server could not place at once, and
/// controllers' new pods), marks those that fit nowhere Unschedulable with a FailedScheduling event, tries those
/// again when the cluster changes in a way that may make room (a node added or changed, a pod gone or finished), and
/// records the Scheduled event of every pod bound ("Successfully assigned NS/NAME to NODE").
/// </summary>
public sealed class Scheduler(PodScheduler decisions) : KeyedReconciler
{
    private const string Component = "default-scheduler";
    private const string Manager = "kube-scheduler";

    private readonly HashSet<string> _unschedulable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toAnnounce = new(StringComparer.Ordinal);

    public override void Notice(WatchEvent change)
    {
        switch (change.Resource.Kind)
        {
            case "Node":
                RetryUnschedulable();
                break;
            case "Pod":
                NoticePod(change);
                break;
        }
    }

    private void NoticePod(WatchEvent change)
    {
        var key = KeyOf(change.Object);
        var bound = !string.IsNullOrEmpty((string?)change.Object["spec"]?["nodeName"]);
        if (change.Type == WatchEventType.Deleted || (bound && PodState.IsTerminal(change.Object)))
        {
            _unschedulable.Remove(key);
            _toAnnounce.Remove(key);
            RetryUnschedulable();
            return;
        }
        if (change.Type == WatchEventType.Added && bound)
        {
            // Bound as it was created (the API server placed it): the event is still the scheduler's to write.
            _toAnnounce.Add(key);
            Queue.Add(key);
        }
        else if (!bound && !ObjectFields.IsDeleting(change.Object) && !_unschedulable.Contains(key))
        {
            Queue.Add(key);
        }
    }

    private void RetryUnschedulable()
    {
        foreach (var key in _unschedulable)
        {
            Queue.Add(key);
        }
    }

    protected override void ReconcileKey(ReconcileContext context, string key)
    {
        var (ns, name) = SplitKey(key);
        var pods = context.Resource("pods");
        if (context.Store.Get(pods, ns, name) is not { } pod)
        {
            _unschedulable.Remove(key);
            _toAnnounce.Remove(key);
            return;
        }
        if (!string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]))
        {
            _unschedulable.Remove(key);
            if (_toAnnounce.Remove(key))
            {
                Announce(context, pod);
            }
            return;
        }
        if (ObjectFields.IsDeleting(pod) || ((string?)pod["spec"]?["schedulerName"] ?? "default-scheduler") != "default-scheduler")
        {
            _unschedulable.Remove(key);
            return;
        }
        var (node, unschedulable) = decisions.Choose(pod);
        var updated = pod.DeepClone().AsObject();
        if (node is not null)
        {
            _unschedulable.Remove(key);
            PodScheduler.Bind(updated, node, context.Now);
            var bound = context.Store.Replace(pods, updated);
            Announce(context, bound);
            return;
        }
        _unschedulable.Add(key);
        PodScheduler.MarkUnschedulable(updated, unschedulable!, context.Now);
        if (!JsonNode.DeepEquals(pod["status"], updated["status"]))
        {
            updated = ManagedFields.RecordUpdate(pod, updated, Manager, "v1", context.Now, "status");
            context.Store.Replace(pods, updated);
        }
        context.Events.Record(pod, "Warning", "FailedScheduling", unschedulable!, Component, context.Now);
    }

    private static void Announce(ReconcileContext context, JsonObject pod)
    {
        var metadata = pod["metadata"]!;
        context.Events.Record(pod, "Normal", "Scheduled",
            $"Successfully assigned {(string?)metadata["namespace"]}/{(string?)metadata["name"]} to {(string?)pod["spec"]!["nodeName"]}",
            Component, context.Now);
    }
}
