using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Get-KubePodDisruptionBudget: pod disruption budgets by name (wildcards), selector or field selector (kubectl get pdb).</summary>
[Cmdlet(VerbsCommon.Get, "KubePodDisruptionBudget")]
[OutputType(typeof(PodDisruptionBudget))]
public sealed class GetKubePodDisruptionBudgetCommand : GetKubeObjectCmdlet<PodDisruptionBudget>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("poddisruptionbudgets")!;
}
