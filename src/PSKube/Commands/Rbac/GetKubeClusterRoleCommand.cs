using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>Get-KubeClusterRole: cluster roles by name (wildcards) or label selector (kubectl get clusterroles).</summary>
[Cmdlet(VerbsCommon.Get, "KubeClusterRole")]
[OutputType(typeof(ClusterRole))]
public sealed class GetKubeClusterRoleCommand : GetKubeClusterObjectCmdlet<ClusterRole>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterroles.rbac.authorization.k8s.io")!;
}
