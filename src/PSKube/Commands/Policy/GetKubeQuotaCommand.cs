using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Policy;

/// <summary>Get-KubeQuota: resource quotas by name (wildcards), selector or field selector (kubectl get quota).</summary>
[Cmdlet(VerbsCommon.Get, "KubeQuota")]
[OutputType(typeof(ResourceQuota))]
public sealed class GetKubeQuotaCommand : GetKubeObjectCmdlet<ResourceQuota>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("resourcequotas")!;
}
