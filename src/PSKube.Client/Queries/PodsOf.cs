using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Selectors;
using LabelSelector = PSKube.Client.Selectors.LabelSelector;

namespace PSKube.Client.Queries;

/// <summary>
/// The pods that belong to an object, found as kubectl finds them: a workload's or service's selector, a node's
/// spec.nodeName; a pod is its own. Piping a Deployment into Get-KubePod or Receive-KubeLog rests on this.
/// </summary>
public static class PodsOf
{
    /// <exception cref="ArgumentException">The object's kind has no pods (a ConfigMap) or its selector cannot be used.</exception>
    public static PodQuery Query(KubeObject owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner switch
        {
            Pod pod => new PodQuery(pod.Namespace, new ListOptions { FieldSelector = "metadata.name=" + FieldSelector.EscapeValue(pod.Name ?? "") }),
            Deployment deployment => BySelector(deployment, deployment.Spec?.Selector),
            ReplicaSet replicaSet => BySelector(replicaSet, replicaSet.Spec?.Selector),
            StatefulSet statefulSet => BySelector(statefulSet, statefulSet.Spec?.Selector),
            DaemonSet daemonSet => BySelector(daemonSet, daemonSet.Spec?.Selector),
            Job job => BySelector(job, job.Spec?.Selector),
            Service service => service.Spec?.Selector is { Count: > 0 } labels
                ? new PodQuery(service.Namespace, new ListOptions { LabelSelector = LabelSelector.FromMatch(labels, null).ToString() })
                : new PodQuery(service.Namespace, new ListOptions(), SelectsNothing: true),
            Node node => new PodQuery(null, new ListOptions { FieldSelector = "spec.nodeName=" + FieldSelector.EscapeValue(node.Name ?? "") }),
            _ => throw new ArgumentException($"{owner.Kind ?? owner.GetType().Name} objects have no pods; pipe pods, deployments, replica sets, stateful sets, daemon sets, jobs, services or nodes."),
        };
    }

    /// <summary>A label selector from a workload's spec.selector (matchLabels and matchExpressions).</summary>
    public static LabelSelector Selector(Models.LabelSelector? selector) =>
        LabelSelector.FromMatch(
            selector?.MatchLabels,
            selector?.MatchExpressions?.Select(e => (e.Key ?? "", e.Operator ?? "", (IReadOnlyList<string>)(e.Values ?? []))));

    private static PodQuery BySelector(KubeObject owner, Models.LabelSelector? selector)
    {
        var labels = Selector(selector);
        // An empty selector on a workload matches nothing (the API refuses such workloads anyway), never everything.
        return labels.IsEmpty
            ? new PodQuery(owner.Namespace, new ListOptions(), SelectsNothing: true)
            : new PodQuery(owner.Namespace, new ListOptions { LabelSelector = labels.ToString() });
    }
}
