using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>A workload's pod template as describe shows it: labels, containers, volumes, node selector, tolerations.</summary>
public sealed class PodTemplateDescription
{
    private PodTemplateDescription(PodTemplateSpec? template)
    {
        Template = template;
        InitContainers = ContainerDescription.Of(template?.Spec?.InitContainers, null, null);
        Containers = ContainerDescription.Of(template?.Spec?.Containers, null, null);
        Volumes = VolumeDescription.Of(template?.Spec?.Volumes);
        Tolerations = DescribeText.Tolerations(template?.Spec?.Tolerations);
    }

    public PodTemplateSpec? Template { get; }

    public IReadOnlyDictionary<string, string> Labels => Template?.Metadata?.Labels ?? [];

    public IReadOnlyDictionary<string, string> Annotations => Template?.Metadata?.Annotations ?? [];

    public string? ServiceAccount => Template?.Spec?.ServiceAccountName;

    public IReadOnlyList<ContainerDescription> InitContainers { get; }

    public IReadOnlyList<ContainerDescription> Containers { get; }

    public IReadOnlyList<VolumeDescription> Volumes { get; }

    public IReadOnlyDictionary<string, string> NodeSelector => Template?.Spec?.NodeSelector ?? [];

    public IReadOnlyList<string> Tolerations { get; }

    internal static PodTemplateDescription Of(PodTemplateSpec? template) => new(template);

    internal void Write(DescriptionWriter w)
    {
        w.Line(0, "Pod Template:");
        if (Template is null)
        {
            w.Write(1, DescribeText.Unset);
            return;
        }
        w.Labels("  Labels", Template.Metadata?.Labels);
        if (Annotations.Count > 0)
        {
            w.Annotations("  Annotations", Template.Metadata?.Annotations);
        }
        if (!string.IsNullOrEmpty(ServiceAccount))
        {
            w.Field(1, "Service Account", ServiceAccount);
        }
        if (InitContainers.Count > 0)
        {
            ContainerDescription.Write(w, "Init Containers", InitContainers, "  ");
        }
        ContainerDescription.Write(w, "Containers", Containers, "  ");
        VolumeDescription.Write(w, Volumes, "  ");
        TopologySpread.Write(w, Template.Spec?.TopologySpreadConstraints, "  ");
        if (!string.IsNullOrEmpty(Template.Spec?.PriorityClassName))
        {
            w.Field(1, "Priority Class Name", Template.Spec.PriorityClassName);
        }
        w.Labels("  Node-Selectors", Template.Spec?.NodeSelector);
        w.Multiline("  Tolerations", Tolerations);
    }
}

/// <summary>A pod's topology spread constraints, as describe writes them.</summary>
internal static class TopologySpread
{
    public static void Write(DescriptionWriter w, IEnumerable<TopologySpreadConstraint>? constraints, string space)
    {
        var sorted = (constraints ?? []).OrderBy(c => c.TopologyKey ?? "", StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return;
        }
        w.Write(0, space + "Topology Spread Constraints:\t");
        for (var index = 0; index < sorted.Count; index++)
        {
            var constraint = sorted[index];
            var selector = constraint.LabelSelector is { } labels && Printing.LabelFormatting.TryFormatSelector(labels, out var text)
                ? " for selector " + (text.Length == 0 ? DescribeText.None : text) : "";
            w.Write(0, (index == 0 ? "" : space + "\t")
                + $"{constraint.TopologyKey}:{constraint.WhenUnsatisfiable} when max skew {constraint.MaxSkew ?? 0} is exceeded{selector}\n");
        }
    }
}
