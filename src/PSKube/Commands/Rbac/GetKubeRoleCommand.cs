using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Get-KubeRole: roles by name (wildcards) or selector (kubectl get roles).</summary>
[Cmdlet(VerbsCommon.Get, "KubeRole")]
[OutputType(typeof(Role))]
public sealed class GetKubeRoleCommand : GetKubeObjectCmdlet<Role>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("roles.rbac.authorization.k8s.io")!;
}
