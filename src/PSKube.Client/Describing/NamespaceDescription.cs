using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe namespace: status, conditions, and the resource quotas in it with what they use.</summary>
public sealed class NamespaceDescription : KubeDescription
{
    internal NamespaceDescription(Namespace ns, IReadOnlyList<ResourceQuota> quotas)
        : base(ns, [])
    {
        NamespaceObject = ns;
        ResourceQuotas = quotas.OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
        Conditions = (ns.NamespaceStatus?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime)).ToList();
        Text = Render();
    }

    public Namespace NamespaceObject { get; }

    /// <summary>Active, or Terminating while it is being deleted.</summary>
    public string? Status => NamespaceObject.NamespaceStatus?.Phase;

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    /// <summary>The resource quotas of the namespace, by name, each with its hard limits and what is used.</summary>
    public IReadOnlyList<ResourceQuota> ResourceQuotas { get; }

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
        return w.ToString();
    }
}
