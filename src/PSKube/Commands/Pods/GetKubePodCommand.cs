using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Pods;

/// <summary>
/// Get-KubePod: pods by name (wildcards), selector or field selector (kubectl get pods); piping a Deployment,
/// ReplicaSet, StatefulSet, DaemonSet, Job, Service or Node gives the pods that belong to it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubePod")]
[OutputType(typeof(Pod))]
public sealed class GetKubePodCommand : GetKubeObjectCmdlet<Pod>
{
    /// <summary>An object whose pods to get (a workload, service or node); a pod gives itself, read again.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("pods")!;

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            base.ProcessRecord();
            return;
        }
        PodQuery query;
        try
        {
            query = PodsOf.Query(InputObject);
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "ObjectHasNoPods", ErrorCategory.InvalidArgument, InputObject));
            return;
        }
        if (!query.SelectsNothing)
        {
            Query(query.Namespace, Name, query.Options.Narrowed(Selector, FieldSelector));
        }
    }
}
