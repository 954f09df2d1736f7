using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Remove-KubeRoleBinding: deletes role bindings (kubectl delete rolebindings).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeRoleBinding", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeRoleBindingCommand : RemoveKubeObjectCmdlet<RoleBinding>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("rolebindings.rbac.authorization.k8s.io")!;
}
