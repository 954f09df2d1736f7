using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe pod: where it runs, its status, containers, conditions, volumes, QoS class, events.</summary>
public sealed class PodDescription : KubeDescription
{
    internal PodDescription(Pod pod, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(pod, events)
    {
        Pod = pod;
        InitContainers = ContainerDescription.Of(pod.Spec?.InitContainers, pod.PodStatus?.InitContainerStatuses, pod);
        Containers = ContainerDescription.Of(pod.Spec?.Containers, pod.PodStatus?.ContainerStatuses, pod);
        Conditions = (pod.PodStatus?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime)).ToList();
        Volumes = VolumeDescription.Of(pod.Spec?.Volumes);
        Tolerations = DescribeText.Tolerations(pod.Spec?.Tolerations);
        Text = Render(now);
    }

    public Pod Pod { get; }

    public int? Priority => Pod.Spec?.Priority;

    public string? PriorityClassName => Pod.Spec?.PriorityClassName;

    public string? ServiceAccount => Pod.Spec?.ServiceAccountName;

    /// <summary>The node it runs on; null before it is scheduled.</summary>
    public string? Node => string.IsNullOrEmpty(Pod.Spec?.NodeName) ? null : Pod.Spec.NodeName;

    public string? HostIP => Pod.PodStatus?.HostIP;

    public DateTimeOffset? StartTime => Pod.PodStatus?.StartTime;

    /// <summary>The phase, or Terminating while it is being deleted.</summary>
    public string? Status => IsTerminating ? "Terminating" : Pod.PodStatus?.Phase;

    public string? Reason => Pod.PodStatus?.Reason;

    public string? Message => Pod.PodStatus?.Message;

    public string? IP => Pod.PodStatus?.PodIP;

    public IReadOnlyList<string> IPs => (Pod.PodStatus?.PodIPs ?? []).Select(ip => ip.Ip ?? "").ToList();

    /// <summary>The controller that owns it, as <c>ReplicaSet/web-5d9c</c>; null for a bare pod.</summary>
    public string? ControlledBy => ControllerOf(Pod);

    public IReadOnlyList<ContainerDescription> InitContainers { get; }

    public IReadOnlyList<ContainerDescription> Containers { get; }

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    public IReadOnlyList<VolumeDescription> Volumes { get; }

    public string? QosClass => Pod.PodStatus?.QosClass;

    public IReadOnlyDictionary<string, string> NodeSelector => Pod.Spec?.NodeSelector ?? [];

    public IReadOnlyList<string> Tolerations { get; }

    private bool IsTerminating => Pod.Metadata?.DeletionTimestamp is not null && Pod.PodStatus?.Phase is not ("Failed" or "Succeeded");

    /// <summary>The owner that is the object's controller, as <c>Kind/name</c>.</summary>
    internal static string? ControllerOf(KubeObject obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { } owner ? $"{owner.Kind}/{owner.Name}" : null;

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        var spec = Pod.Spec;
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        if (Priority is { } priority)
        {
            w.Field(0, "Priority", priority);
        }
        if (!string.IsNullOrEmpty(PriorityClassName))
        {
            w.Field(0, "Priority Class Name", PriorityClassName);
        }
        if (!string.IsNullOrEmpty(spec?.RuntimeClassName))
        {
            w.Field(0, "Runtime Class Name", spec.RuntimeClassName);
        }
        if (!string.IsNullOrEmpty(ServiceAccount))
        {
            w.Field(0, "Service Account", ServiceAccount);
        }
        w.Field(0, "Node", Node is null ? DescribeText.None : $"{Node}/{HostIP}");
        if (StartTime is { } start)
        {
            w.Field(0, "Start Time", DescribeText.Time(start));
        }
        w.Labels("Labels", Pod.Metadata?.Labels);
        w.Annotations("Annotations", Pod.Metadata?.Annotations);
        if (IsTerminating)
        {
            w.Field(0, "Status", $"Terminating (lasts {DescribeText.Age(Pod.Metadata!.DeletionTimestamp, now)})");
            w.Field(0, "Termination Grace Period", $"{Pod.Metadata.DeletionGracePeriodSeconds ?? 0}s");
        }
        else
        {
            w.Field(0, "Status", Pod.PodStatus?.Phase);
        }
        if (!string.IsNullOrEmpty(Reason))
        {
            w.Field(0, "Reason", Reason);
        }
        if (!string.IsNullOrEmpty(Message))
        {
            w.Field(0, "Message", Message);
        }
        if (spec?.SecurityContext?.SeccompProfile is { } seccomp)
        {
            w.Field(0, "SeccompProfile", seccomp.Type);
            if (seccomp.Type == "Localhost")
            {
                w.Field(0, "LocalhostProfile", seccomp.LocalhostProfile);
            }
        }
        w.Field(0, "IP", IP);
        if (IPs.Count == 0)
        {
            w.Field(0, "IPs", DescribeText.None);
        }
        else
        {
            w.Line(0, "IPs:");
            foreach (var ip in IPs)
            {
                w.Field(1, "IP", ip);
            }
        }
        if (ControlledBy is { } controller)
        {
            w.Field(0, "Controlled By", controller);
        }
        if (!string.IsNullOrEmpty(Pod.PodStatus?.NominatedNodeName))
        {
            w.Field(0, "NominatedNodeName", Pod.PodStatus.NominatedNodeName);
        }
        if (InitContainers.Count > 0)
        {
            ContainerDescription.Write(w, "Init Containers", InitContainers, "");
        }
        ContainerDescription.Write(w, "Containers", Containers, "");
        if (spec?.ReadinessGates is { Count: > 0 } gates)
        {
            w.Line(0, "Readiness Gates:");
            w.Line(1, "Type\tStatus");
            foreach (var gate in gates)
            {
                var status = Conditions.FirstOrDefault(c => c.Type == gate.ConditionType)?.Status ?? DescribeText.None;
                w.Line(1, $"{gate.ConditionType} \t{status} ");
            }
        }
        if (Conditions.Count > 0)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus");
            foreach (var condition in Conditions)
            {
                w.Line(1, $"{condition.Type} \t{condition.Status} ");
            }
        }
        VolumeDescription.Write(w, Volumes, "");
        w.Field(0, "QoS Class", QosClass);
        w.Labels("Node-Selectors", spec?.NodeSelector);
        w.Multiline("Tolerations", Tolerations);
        TopologySpread.Write(w, spec?.TopologySpreadConstraints, "");
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}
