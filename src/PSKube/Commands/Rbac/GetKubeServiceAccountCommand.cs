using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Get-KubeServiceAccount: service accounts by name (wildcards) or selector (kubectl get serviceaccounts).</summary>
[Cmdlet(VerbsCommon.Get, "KubeServiceAccount")]
[OutputType(typeof(ServiceAccount))]
public sealed class GetKubeServiceAccountCommand : GetKubeObjectCmdlet<ServiceAccount>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("serviceaccounts")!;
}
