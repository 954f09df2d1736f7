using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Remove-KubePodDisruptionBudget: deletes pod disruption budgets (kubectl delete pdb).</summary>
[Cmdlet(VerbsCommon.Remove, "KubePodDisruptionBudget", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubePodDisruptionBudgetCommand : RemoveKubeObjectCmdlet<PodDisruptionBudget>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("poddisruptionbudgets")!;
}
