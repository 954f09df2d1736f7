using System.Management.Automation;
using PSKube.Client.Operations;

namespace PSKube.Commands.Cluster;

/// <summary>
/// Get-KubeIdentity: who the cluster takes you for (kubectl auth whoami), after the kubeconfig user's
/// impersonation (as, as-uid, as-groups, as-user-extra) if it has one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeIdentity")]
[OutputType(typeof(KubeIdentity))]
public sealed class GetKubeIdentityCommand : KubeCmdlet
{
    protected override void EndProcessing() =>
        TryApi("SelfSubjectReview", Client.Context.ContextName, () => WriteObject(Await(Client.GetIdentityAsync)));
}
