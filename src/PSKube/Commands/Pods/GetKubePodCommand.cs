using System.Management.Automation;
using PSKube.Client.Models;
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
    protected override ResourceDefinition Resource => BuiltInResources.Find("pods")!;
}
