using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>
/// kubectl describe namespace: status, conditions, the resource quotas in it with what they use, and the defaults
/// and bounds its limit ranges set.
/// </summary>
public sealed class NamespaceDescription : KubeDescription
{
    internal NamespaceDescription(Namespace ns, IReadOnlyList<ResourceQuota> quotas, IReadOnlyList<LimitRange> limitRanges)
        : base(ns, [])
    {
        NamespaceObject = ns;
        ResourceQuotas = quotas.OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
        LimitRanges = limitRanges.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        ResourceLimits = LimitRanges.SelectMany(LimitRangeRows.Of).ToList();
        Conditions = (ns.NamespaceStatus?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime)).ToList();
        Text = Render();
    }

    public Namespace NamespaceObject { get; }

    /// <summary>Active, or Terminating while it is being deleted.</summary>
    public string? Status => NamespaceObject.NamespaceStatus?.Phase;

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    /// <summary>The resource quotas of the namespace, by name, each with its hard limits and what is used.</summary>
    public IReadOnlyList<ResourceQuota> ResourceQuotas { get; }

    /// <summary>The limit ranges of the namespace, by name.</summary>
    public IReadOnlyList<LimitRange> LimitRanges { get; }

    /// <summary>The Resource Limits table: a row per limit range, type and resource.</summary>
    public IReadOnlyList<DescribedLimit> ResourceLimits { get; }

    private string Render()
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Labels("Labels", NamespaceObject.Metadata?.Labels);
        w.Annotations("Annotations", NamespaceObject.Metadata?.Annotations);
        w.Field(0, "Status", Status);
        if (Conditions.Count > 0)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage");
            w.Line(1, "----\t------\t------------------\t------\t-------");
            foreach (var c in Conditions)
            {
                w.Line(1, $"{c.Type}\t{c.Status}\t{DescribeText.Time(c.LastTransitionTime)}\t{c.Reason}\t{c.Message}");
            }
        }
        w.Line(0, "");
        if (ResourceQuotas.Count == 0)
        {
            w.Line(0, "No resource quota.");
        }
        else
        {
            w.Line(0, "Resource Quotas");
            foreach (var quota in ResourceQuotas)
            {
                w.Field(1, "Name", quota.Name);
                if (quota.Spec?.Scopes is { Count: > 0 } scopes)
                {
                    w.Field(1, "Scopes", string.Join(", ", scopes.Order(StringComparer.Ordinal)));
                }
                w.Line(1, "Resource\tUsed\tHard");
                w.Line(1, "--------\t---\t---");
                var used = quota.Status?.Used ?? [];
                foreach (var (resource, hard) in (quota.Status?.Hard ?? []).OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    w.Line(1, $"{resource}\t{used.GetValueOrDefault(resource) ?? "0"}\t{hard}");
                }
            }
        }
        w.Line(0, "");
        if (LimitRanges.Count == 0)
        {
            w.Line(0, "No LimitRange resource.");
        }
        else
        {
            // kubectl writes this table one space in, not at the two spaces of a level.
            w.Line(0, "Resource Limits");
            w.Line(0, " " + LimitRangeRows.Header);
            w.Line(0, " " + LimitRangeRows.Rule);
            LimitRangeRows.Write(w, ResourceLimits, " ");
        }
        return w.ToString();
    }
}
