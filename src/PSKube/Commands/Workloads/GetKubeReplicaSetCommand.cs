using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Workloads;

/// <summary>Get-KubeReplicaSet: replica sets by name (wildcards), selector or field selector (kubectl get replicasets).</summary>
[Cmdlet(VerbsCommon.Get, "KubeReplicaSet")]
[OutputType(typeof(ReplicaSet))]
public sealed class GetKubeReplicaSetCommand : GetKubeObjectCmdlet<ReplicaSet>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("replicasets")!;
}
