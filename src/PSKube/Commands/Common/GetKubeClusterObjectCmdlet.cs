using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Get-Kube&lt;Kind&gt; of a cluster-scoped kind shares (kubectl get nodes|namespaces [NAME...] [-l] [-w]): no
/// -Namespace; names, piped objects, wildcards and -Watch are read as for namespaced kinds (<see cref="KubeCmdlet.WriteSelected{T}"/>).
/// </summary>
public abstract class GetKubeClusterObjectCmdlet<T> : KubeCmdlet
    where T : KubeObject
{
    /// <summary>Names, wildcard patterns or kubectl's KIND/NAME; every object when omitted. Piped strings and objects' Name bind here.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A piped object of this kind, read again; any other kind is an error that says what does work.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

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

    protected override void ProcessRecord() =>
        WriteSelected<T>(Resource, null, null, InputObject, Name, new ListOptions { LabelSelector = Selector }, Watch);
}
