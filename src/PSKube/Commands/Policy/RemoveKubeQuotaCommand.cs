using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Remove-KubeQuota: deletes resource quotas (kubectl delete quota).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeQuota", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeQuotaCommand : RemoveKubeObjectCmdlet<ResourceQuota>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("resourcequotas")!;
}
