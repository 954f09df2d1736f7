using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Remove-KubeServiceAccount: deletes service accounts (kubectl delete serviceaccounts).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeServiceAccount", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeServiceAccountCommand : RemoveKubeObjectCmdlet<ServiceAccount>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("serviceaccounts")!;
}
