using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Get-Kube&lt;Kind&gt; of a namespaced kind shares (kubectl get KIND [NAME...] [-l] [--field-selector] [-A] [-w]):
/// how names, wildcards and -Watch are read is <see cref="KubeCmdlet.WriteObjects{T}"/>, shared with cluster-scoped kinds.
/// </summary>
public abstract class GetKubeObjectCmdlet<T> : KubeListCmdlet
    where T : KubeObject
{
    /// <summary>Names or wildcard patterns; every object when omitted.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>app=web,tier!=db</c>.</summary>
    [Parameter]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>A field selector (kubectl --field-selector), e.g. <c>status.phase=Running</c>.</summary>
    [Parameter]
    [ValidateFieldSelector]
    public string? FieldSelector { get; set; }

    /// <summary>After the current objects, output each change as it happens (kubectl get -w) until Ctrl+C.</summary>
    [Parameter]
    [Alias("w")]
    public SwitchParameter Watch { get; set; }

    /// <summary>The resource type, e.g. <c>BuiltInResources.Find("pods")</c>.</summary>
    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord() => Query(ListNamespace, Name, Selection);

    /// <summary>-Selector and -FieldSelector as list options.</summary>
    protected ListOptions Selection => new() { LabelSelector = Selector, FieldSelector = FieldSelector };

    /// <summary>Outputs the objects <paramref name="names"/> (null: all) select within <paramref name="selection"/>.</summary>
    protected void Query(string? @namespace, string[]? names, ListOptions selection) => WriteObjects<T>(Resource, @namespace, names, selection, Watch);
}
