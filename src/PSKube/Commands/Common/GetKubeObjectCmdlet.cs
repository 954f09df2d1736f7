using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Get-Kube&lt;Kind&gt; of a namespaced kind shares (kubectl get KIND [NAME...] [-l] [--field-selector] [-A] [-w]):
/// names typed or piped (strings, objects with Name/Namespace, KIND/NAME), piped objects standing for what they relate
/// to (<see cref="KubeCmdlet.WriteSelected{T}"/>), shared with cluster-scoped kinds.
/// </summary>
public abstract class GetKubeObjectCmdlet<T> : KubeListCmdlet
    where T : KubeObject
{
    /// <summary>Names, wildcard patterns or kubectl's KIND/NAME; every object when omitted. Piped strings and objects' Name bind here.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>
    /// A piped object: one of this kind is read again; a Namespace stands for the objects in it; a related kind for
    /// its relatives (see about_PSKube); any other kind is an error that says what does work.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

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

    protected override void ProcessRecord() =>
        WriteSelected<T>(Resource, ListNamespace, TargetNamespace, InputObject, Name,
            new ListOptions { LabelSelector = Selector, FieldSelector = FieldSelector }, Watch);
}
