using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The disruption controller: a PodDisruptionBudget's status counts the pods it selects (expected), the ready ones
/// (current healthy), how many must stay healthy (from minAvailable or maxUnavailable) and the disruptions that leaves.
/// Expected pods are the selected pods themselves, not the scale of their controllers.
/// </summary>
public sealed class DisruptionController : IPassController
{
    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var budget in client.List("poddisruptionbudgets", filter: b => !ObjectFields.IsDeleting(b)))
        {
            var spec = budget["spec"] as JsonObject ?? [];
            // In policy/v1 an empty selector selects every pod of the namespace; a missing one selects none.
            var selectorNode = spec["selector"];
            var selector = ObjectFields.Selector(selectorNode);
            var pods = selectorNode is null
                ? []
                : client.List("pods", ObjectFields.Namespace(budget),
                    p => PodState.IsActive(p) && (selector is null || selector.Matches(ObjectFields.Labels(p))));
            long expected = pods.Count;
            long healthy = pods.Count(PodState.IsReady);
            long desired = spec["maxUnavailable"] is { } maxUnavailable
                ? Math.Max(0, expected - IntOrPercent.Resolve(maxUnavailable, expected, roundUp: true))
                : IntOrPercent.Resolve(spec["minAvailable"], expected, roundUp: true);
            var allowed = Math.Max(0, healthy - desired);
            var generation = ObjectFields.Generation(budget);
            var status = budget["status"]?.DeepClone() as JsonObject ?? [];
            var next = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["disruptionsAllowed"] = allowed,
                ["currentHealthy"] = healthy,
                ["desiredHealthy"] = desired,
                ["expectedPods"] = expected,
                ["conditions"] = status["conditions"]?.DeepClone(),
            };
            StatusConditions.Set(next, "DisruptionAllowed", allowed > 0 ? "True" : "False",
                allowed > 0 ? "SufficientPods" : "InsufficientPods", "", context.Now);
            if (next["conditions"] is JsonArray conditions)
            {
                foreach (var condition in conditions.OfType<JsonObject>())
                {
                    condition["observedGeneration"] = generation;
                }
            }
            if (!JsonNode.DeepEquals(budget["status"], next))
            {
                client.UpdateStatus("poddisruptionbudgets", budget, next);
            }
        }
    }
}
