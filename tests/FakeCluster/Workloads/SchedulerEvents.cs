namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// The default-scheduler's side of binding: the API server of the fake binds new pods to the node at once, and this
/// loop records the Scheduled event a real scheduler writes for each of them ("Successfully assigned NS/NAME to NODE").
/// </summary>
public sealed class SchedulerEvents : IReconciler
{
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);

    public void Reconcile(ReconcileContext context)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, pod) in context.Store.List(context.Resource("pods"), null, p => !string.IsNullOrEmpty((string?)p["spec"]?["nodeName"])))
        {
            var uid = (string?)pod["metadata"]?["uid"] ?? "";
            live.Add(uid);
            if (_recorded.Add(uid))
            {
                var metadata = pod["metadata"]!;
                context.Events.Record(pod, "Normal", "Scheduled",
                    $"Successfully assigned {(string?)metadata["namespace"]}/{(string?)metadata["name"]} to {(string?)pod["spec"]!["nodeName"]}",
                    "default-scheduler", context.Now);
            }
        }
        _recorded.IntersectWith(live);
    }
}
