using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Remove-KubeClusterRole: deletes cluster roles (kubectl delete clusterroles).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeClusterRole", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeClusterRoleCommand : RemoveKubeObjectCmdlet<ClusterRole>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterroles.rbac.authorization.k8s.io")!;
}
