using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Cluster;

/// <summary>Get-KubeNamespace: namespaces by name (wildcards) or label selector (kubectl get namespaces).</summary>
[Cmdlet(VerbsCommon.Get, "KubeNamespace")]
[OutputType(typeof(Namespace))]
public sealed class GetKubeNamespaceCommand : GetKubeClusterObjectCmdlet<Namespace>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("namespaces")!;
}
