using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Pods: NAME READY STATUS RESTARTS AGE, and IP, NODE, NOMINATED NODE, READINESS GATES when wide.</summary>
internal sealed class PodPrinter : ResourcePrinter<Pod>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Ready", "Ready containers over all containers of the pod."),
        PrintColumns.Text("Status", "The pod's overall state, from its phase and its containers' states."),
        PrintColumns.Text("Restarts", "Container restarts, with the time since the latest one."),
        PrintColumns.Age,
        PrintColumns.Wide("IP", "The pod's IP address."),
        PrintColumns.Wide("Node", "The node the pod is bound to."),
        PrintColumns.Wide("Nominated Node", "The node the scheduler nominated while preempting other pods."),
        PrintColumns.Wide("Readiness Gates", "Readiness gates whose condition is true, over all readiness gates."),
    ];

    protected override object?[] RowOf(Pod obj, DateTimeOffset now)
    {
        var summary = PodPrinting.Summarize(obj);
        return
        [
            PrintCells.Name(obj),
            summary.Ready,
            summary.Status,
            summary.RestartsText(now),
            PrintCells.Age(obj, now),
            OrNone(obj.IP),
            OrNone(obj.Spec?.NodeName),
            OrNone(obj.NominatedNode),
            obj.ReadinessGates,
        ];
    }

    internal static string ReadinessGates(Pod pod)
    {
        var gates = pod.Spec?.ReadinessGates ?? [];
        if (gates.Count == 0)
        {
            return PrintCells.None;
        }

        var conditions = pod.PodStatus?.Conditions ?? [];
        var satisfied = gates.Count(gate => conditions.FirstOrDefault(condition => condition.Type == gate.ConditionType)?.Status == "True");
        return string.Create(CultureInfo.InvariantCulture, $"{satisfied}/{gates.Count}");
    }

    private static string OrNone(string? value) => string.IsNullOrEmpty(value) ? PrintCells.None : value;
}
