using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Cluster;

/// <summary>Get-KubeNode: the cluster's nodes by name (wildcards) or label selector (kubectl get nodes).</summary>
[Cmdlet(VerbsCommon.Get, "KubeNode")]
[OutputType(typeof(Node))]
public sealed class GetKubeNodeCommand : GetKubeClusterObjectCmdlet<Node>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("nodes")!;
}
