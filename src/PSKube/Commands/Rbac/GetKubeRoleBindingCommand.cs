using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Get-KubeRoleBinding: role bindings by name (wildcards) or selector (kubectl get rolebindings).</summary>
[Cmdlet(VerbsCommon.Get, "KubeRoleBinding")]
[OutputType(typeof(RoleBinding))]
public sealed class GetKubeRoleBindingCommand : GetKubeObjectCmdlet<RoleBinding>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("rolebindings.rbac.authorization.k8s.io")!;
}
