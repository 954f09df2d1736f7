using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Remove-KubePriorityClass: deletes priority classes (kubectl delete priorityclass); pods already running keep their priority.</summary>
[Cmdlet(VerbsCommon.Remove, "KubePriorityClass", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class RemoveKubePriorityClassCommand : RemoveKubeClusterObjectCmdlet<PriorityClass>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("priorityclasses")!;
}
