using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Get-KubeClusterRoleBinding: cluster role bindings by name (wildcards) or label selector (kubectl get clusterrolebindings).</summary>
[Cmdlet(VerbsCommon.Get, "KubeClusterRoleBinding")]
[OutputType(typeof(ClusterRoleBinding))]
public sealed class GetKubeClusterRoleBindingCommand : GetKubeClusterObjectCmdlet<ClusterRoleBinding>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterrolebindings.rbac.authorization.k8s.io")!;
}
