using System.Management.Automation;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Get-KubeDeploymentHistory: the rollout history of a deployment, stateful set or daemon set (kubectl rollout
/// history): one object per revision with its number, change cause and pod template; -Revision for one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeDeploymentHistory")]
[OutputType(typeof(RolloutRevision))]
public sealed class GetKubeDeploymentHistoryCommand : WorkloadRolloutCmdlet
{
    /// <summary>Only this revision (kubectl rollout history --revision); its Template holds the pod template.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Revision { get; set; }

    protected override void Process(ResourceDefinition resource, string @namespace, string name)
    {
        var revisions = Await(token => Client.GetRolloutHistoryAsync(resource, @namespace, name, token));
        if (Revision is not { } wanted)
        {
            WriteObject(revisions, enumerateCollection: true);
            return;
        }
        if (revisions.FirstOrDefault(r => r.Revision == wanted) is { } revision)
        {
            WriteObject(revision);
            return;
        }
        throw new RolloutRefusedException(RolloutRefusal.RevisionNotFound,
            $"unable to find revision {wanted} of {resource.Singular} \"{name}\"; its revisions are {(revisions.Count > 0 ? string.Join(", ", revisions.Select(r => r.Revision)) : "none")}.");
    }
}
