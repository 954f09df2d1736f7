using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Remove-KubeRole: deletes roles (kubectl delete roles).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeRole", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeRoleCommand : RemoveKubeObjectCmdlet<Role>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("roles.rbac.authorization.k8s.io")!;
}
