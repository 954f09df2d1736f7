using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Get-Kube&lt;Kind&gt; of a cluster-scoped kind shares (kubectl get nodes|namespaces [NAME...] [-l] [-w]): no
/// -Namespace; names, wildcards and -Watch are read as for namespaced kinds (<see cref="KubeCmdlet.WriteObjects{T}"/>).
/// </summary>
public abstract class GetKubeClusterObjectCmdlet<T> : KubeCmdlet
    where T : KubeObject
{
    /// <summary>Names or wildcard patterns; every object when omitted.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>kubernetes.io/os=linux</c>.</summary>
    [Parameter]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>After the current objects, output each change as it happens (kubectl get -w) until Ctrl+C.</summary>
    [Parameter]
    [Alias("w")]
    public SwitchParameter Watch { get; set; }

    /// <summary>The resource type, e.g. <c>BuiltInResources.Find("nodes")</c>.</summary>
    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord() => WriteObjects<T>(Resource, null, Name, new ListOptions { LabelSelector = Selector }, Watch);
}
