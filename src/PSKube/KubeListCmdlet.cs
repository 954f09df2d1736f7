using System.Management.Automation;

namespace PSKube;

/// <summary>The base of cmdlets that list namespaced objects: -Namespace or -AllNamespaces (kubectl -A).</summary>
public abstract class KubeListCmdlet : KubeNamespacedCmdlet
{
    /// <summary>List across every namespace instead of one.</summary>
    [Parameter]
    [Alias("A")]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>The namespace to list: null for every namespace.</summary>
    protected string? ListNamespace => AllNamespaces ? null : TargetNamespace;
}
