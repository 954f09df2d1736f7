using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Remove-KubeClusterRoleBinding: deletes cluster role bindings (kubectl delete clusterrolebindings).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeClusterRoleBinding", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeClusterRoleBindingCommand : RemoveKubeObjectCmdlet<ClusterRoleBinding>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterrolebindings.rbac.authorization.k8s.io")!;
}
