using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe deployment: replicas, strategy, pod template, conditions, its replica sets, events.</summary>
public sealed class DeploymentDescription : KubeDescription
{
    internal DeploymentDescription(Deployment deployment, IReadOnlyList<ReplicaSet> owned, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(deployment, events)
    {
        Deployment = deployment;
        PodTemplate = PodTemplateDescription.Of(deployment.Spec?.Template);
        Conditions = (deployment.Status?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime)).ToList();
        // The new replica set is the one of the deployment's current revision; the others are old.
        var revision = deployment.Metadata?.Annotations?.GetValueOrDefault(RevisionAnnotation);
        NewReplicaSet = revision is null ? null : owned.FirstOrDefault(rs => rs.Metadata?.Annotations?.GetValueOrDefault(RevisionAnnotation) == revision);
        OldReplicaSets = owned.Where(rs => !ReferenceEquals(rs, NewReplicaSet)).ToList();
        Text = Render(owned.Count > 0, now);
    }

    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    public Deployment Deployment { get; }

    public DateTimeOffset? CreationTimestamp => Deployment.Metadata?.CreationTimestamp;

    public string Selector => Workloads.SelectorText(Deployment.Spec?.Selector);

    public int DesiredReplicas => Deployment.Spec?.Replicas ?? 1;

    public int UpdatedReplicas => Deployment.Status?.UpdatedReplicas ?? 0;

    public int TotalReplicas => Deployment.Status?.Replicas ?? 0;

    public int AvailableReplicas => Deployment.Status?.AvailableReplicas ?? 0;

    public int UnavailableReplicas => Deployment.Status?.UnavailableReplicas ?? 0;

    public string? StrategyType => Deployment.Spec?.Strategy?.Type;

    public int MinReadySeconds => Deployment.Spec?.MinReadySeconds ?? 0;

    /// <summary>The rolling update's limits as describe writes them (<c>25% max unavailable, 25% max surge</c>); null for Recreate.</summary>
    public string? RollingUpdateStrategy => Deployment.Spec?.Strategy?.RollingUpdate is { } rolling
        ? $"{rolling.MaxUnavailable?.ToString() ?? "0"} max unavailable, {rolling.MaxSurge?.ToString() ?? "0"} max surge"
        : null;

    public PodTemplateDescription PodTemplate { get; }

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    public IReadOnlyList<ReplicaSet> OldReplicaSets { get; }

    public ReplicaSet? NewReplicaSet { get; }

    private string Render(bool hasReplicaSets, DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Field(0, "CreationTimestamp", DescribeText.Time(CreationTimestamp));
        w.Labels("Labels", Deployment.Metadata?.Labels);
        w.Annotations("Annotations", Deployment.Metadata?.Annotations);
        w.Field(0, "Selector", Workloads.SelectorOrEmpty(Deployment.Spec?.Selector));
        w.Field(0, "Replicas", $"{DesiredReplicas} desired | {UpdatedReplicas} updated | {TotalReplicas} total | {AvailableReplicas} available | {UnavailableReplicas} unavailable");
        w.Field(0, "StrategyType", StrategyType);
        w.Field(0, "MinReadySeconds", MinReadySeconds);
        if (RollingUpdateStrategy is { } rolling)
        {
            w.Field(0, "RollingUpdateStrategy", rolling);
        }
        PodTemplate.Write(w);
        Workloads.WriteConditions(w, Conditions);
        if (hasReplicaSets)
        {
            w.Field(0, "OldReplicaSets", Workloads.ReplicaSetsText(OldReplicaSets));
            w.Field(0, "NewReplicaSet", Workloads.ReplicaSetsText(NewReplicaSet is null ? [] : [NewReplicaSet]));
        }
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>kubectl describe replicaset: selector, owner, replicas, its pods by phase, pod template, events.</summary>
public sealed class ReplicaSetDescription : KubeDescription
{
    internal ReplicaSetDescription(ReplicaSet replicaSet, IReadOnlyList<Pod> pods, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(replicaSet, events)
    {
        ReplicaSet = replicaSet;
        PodsStatus = PodPhaseCounts.Of(pods);
        PodTemplate = PodTemplateDescription.Of(replicaSet.Spec?.Template);
        Conditions = (replicaSet.Status?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime)).ToList();
        Text = Render(now);
    }

    public ReplicaSet ReplicaSet { get; }

    public string Selector => Workloads.SelectorText(ReplicaSet.Spec?.Selector);

    public string? ControlledBy => PodDescription.ControllerOf(ReplicaSet);

    public int CurrentReplicas => ReplicaSet.Status?.Replicas ?? 0;

    public int DesiredReplicas => ReplicaSet.Spec?.Replicas ?? 1;

    /// <summary>Its pods by phase (only pods it controls).</summary>
    public PodPhaseCounts PodsStatus { get; }

    public PodTemplateDescription PodTemplate { get; }

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Field(0, "Selector", Selector);
        w.Labels("Labels", ReplicaSet.Metadata?.Labels);
        w.Annotations("Annotations", ReplicaSet.Metadata?.Annotations);
        if (ControlledBy is { } controller)
        {
            w.Field(0, "Controlled By", controller);
        }
        w.Field(0, "Replicas", $"{CurrentReplicas} current / {DesiredReplicas} desired");
        w.Field(0, "Pods Status", PodsStatus.ToString());
        PodTemplate.Write(w);
        Workloads.WriteConditions(w, Conditions);
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>kubectl describe statefulset: selector, replicas, update strategy, pods by phase, template, claims, events.</summary>
public sealed class StatefulSetDescription : KubeDescription
{
    internal StatefulSetDescription(StatefulSet statefulSet, IReadOnlyList<Pod> pods, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(statefulSet, events)
    {
        StatefulSet = statefulSet;
        PodsStatus = PodPhaseCounts.Of(pods);
        PodTemplate = PodTemplateDescription.Of(statefulSet.Spec?.Template);
        Text = Render(now);
    }

    public StatefulSet StatefulSet { get; }

    public DateTimeOffset? CreationTimestamp => StatefulSet.Metadata?.CreationTimestamp;

    public string Selector => Workloads.SelectorOrEmpty(StatefulSet.Spec?.Selector);

    public int DesiredReplicas => StatefulSet.Spec?.Replicas ?? 1;

    public int TotalReplicas => StatefulSet.Status?.Replicas ?? 0;

    public string? UpdateStrategy => StatefulSet.Spec?.UpdateStrategy?.Type;

    public PodPhaseCounts PodsStatus { get; }

    public PodTemplateDescription PodTemplate { get; }

    public IReadOnlyList<PersistentVolumeClaim> VolumeClaims => StatefulSet.Spec?.VolumeClaimTemplates ?? [];

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Field(0, "CreationTimestamp", DescribeText.Time(CreationTimestamp));
        w.Field(0, "Selector", Selector);
        w.Labels("Labels", StatefulSet.Metadata?.Labels);
        w.Annotations("Annotations", StatefulSet.Metadata?.Annotations);
        w.Field(0, "Replicas", $"{DesiredReplicas} desired | {TotalReplicas} total");
        w.Field(0, "Update Strategy", UpdateStrategy);
        if (StatefulSet.Spec?.UpdateStrategy?.RollingUpdate is { Partition: { } partition } rolling)
        {
            w.Field(1, "Partition", partition);
            if (rolling.MaxUnavailable is { } maxUnavailable)
            {
                w.Field(1, "MaxUnavailable", maxUnavailable.ToString());
            }
        }
        w.Field(0, "Pods Status", PodsStatus.ToString());
        PodTemplate.Write(w);
        if (VolumeClaims.Count == 0)
        {
            w.Field(0, "Volume Claims", DescribeText.None);
        }
        else
        {
            w.Line(0, "Volume Claims:");
            foreach (var claim in VolumeClaims)
            {
                w.Field(1, "Name", claim.Name);
                w.Field(1, "StorageClass", claim.Spec?.StorageClassName ?? claim.Metadata?.Annotations?.GetValueOrDefault("volume.beta.kubernetes.io/storage-class") ?? "");
                w.Labels("Labels", claim.Metadata?.Labels, "  ");
                w.Labels("Annotations", claim.Metadata?.Annotations, "  ");
                w.Field(1, "Capacity", claim.Spec?.Resources?.Requests?.GetValueOrDefault("storage") ?? "<default>");
                w.Field(1, "Access Modes", $"[{string.Join(' ', claim.Spec?.AccessModes ?? [])}]");
            }
        }
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>kubectl describe daemonset: selector, node selector, how many nodes run it, pods by phase, template, events.</summary>
public sealed class DaemonSetDescription : KubeDescription
{
    internal DaemonSetDescription(DaemonSet daemonSet, IReadOnlyList<Pod> pods, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(daemonSet, events)
    {
        DaemonSet = daemonSet;
        PodsStatus = PodPhaseCounts.Of(pods);
        PodTemplate = PodTemplateDescription.Of(daemonSet.Spec?.Template);
        Text = Render(now);
    }

    public DaemonSet DaemonSet { get; }

    public string Selector => Workloads.SelectorOrEmpty(DaemonSet.Spec?.Selector);

    public IReadOnlyDictionary<string, string> NodeSelector => DaemonSet.Spec?.Template?.Spec?.NodeSelector ?? [];

    public int DesiredNumberScheduled => DaemonSet.Status?.DesiredNumberScheduled ?? 0;

    public int CurrentNumberScheduled => DaemonSet.Status?.CurrentNumberScheduled ?? 0;

    public int UpdatedNumberScheduled => DaemonSet.Status?.UpdatedNumberScheduled ?? 0;

    public int NumberAvailable => DaemonSet.Status?.NumberAvailable ?? 0;

    public int NumberMisscheduled => DaemonSet.Status?.NumberMisscheduled ?? 0;

    public PodPhaseCounts PodsStatus { get; }

    public PodTemplateDescription PodTemplate { get; }

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Field(0, "Selector", Selector);
        w.Field(0, "Node-Selector", LabelFormatting.Labels(NodeSelector));
        w.Labels("Labels", DaemonSet.Metadata?.Labels);
        w.Annotations("Annotations", DaemonSet.Metadata?.Annotations);
        w.Line(0, $"Desired Number of Nodes Scheduled: {DesiredNumberScheduled}");
        w.Line(0, $"Current Number of Nodes Scheduled: {CurrentNumberScheduled}");
        w.Line(0, $"Number of Nodes Scheduled with Up-to-date Pods: {UpdatedNumberScheduled}");
        w.Line(0, $"Number of Nodes Scheduled with Available Pods: {NumberAvailable}");
        w.Line(0, $"Number of Nodes Misscheduled: {NumberMisscheduled}");
        w.Field(0, "Pods Status", PodsStatus.ToString());
        PodTemplate.Write(w);
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>What the workload descriptions share: selectors, conditions, replica set lists.</summary>
internal static class Workloads
{
    /// <summary>A workload's selector as describe writes it (<c>&lt;none&gt;</c> when it selects by nothing).</summary>
    public static string SelectorText(LabelSelector? selector) => LabelFormatting.Selector(selector);

    /// <summary>The selector as a label-selector string, empty when it selects by nothing (deployments, sets, jobs).</summary>
    public static string SelectorOrEmpty(LabelSelector? selector) =>
        LabelFormatting.TryFormatSelector(selector, out var text) ? text : "<error>";

    public static void WriteConditions(DescriptionWriter w, IReadOnlyList<DescribedCondition> conditions)
    {
        if (conditions.Count == 0)
        {
            return;
        }
        w.Line(0, "Conditions:");
        w.Line(1, "Type\tStatus\tReason");
        w.Line(1, "----\t------\t------");
        foreach (var condition in conditions)
        {
            w.Line(1, $"{condition.Type} \t{condition.Status}\t{condition.Reason}");
        }
    }

    public static string ReplicaSetsText(IReadOnlyList<ReplicaSet> replicaSets) =>
        replicaSets.Count == 0 ? DescribeText.None
        : string.Join(", ", replicaSets.Select(rs => $"{rs.Name} ({rs.Status?.Replicas ?? 0}/{rs.Spec?.Replicas ?? 1} replicas created)"));
}
