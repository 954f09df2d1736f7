using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Get-KubePriorityClass: the cluster's priority classes by name (wildcards) or selector (kubectl get priorityclasses).</summary>
[Cmdlet(VerbsCommon.Get, "KubePriorityClass")]
[OutputType(typeof(PriorityClass))]
public sealed class GetKubePriorityClassCommand : GetKubeClusterObjectCmdlet<PriorityClass>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("priorityclasses")!;
}
