using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Undo-KubeDeployment: rolls a deployment back to an earlier revision (kubectl rollout undo): the previous one, or
/// -ToRevision. As kubectl, the revision's pod template (from its replica set) is patched into the deployment, which
/// then rolls out; a deployment that already runs that template is left alone with a warning.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment))]
public sealed class UndoKubeDeploymentCommand : DeploymentRolloutCmdlet
{
    /// <summary>The revision to go back to (Get-KubeDeploymentHistory lists them); 0, the default, is the one before the newest. A piped revision binds its own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Revision")]
    [ValidateRange(0, int.MaxValue)]
    public int ToRevision { get; set; }

    protected override void Process(string @namespace, string name)
    {
        var target = Describe("deployment", name, @namespace);
        var action = ToRevision == 0 ? "Roll back to the previous revision" : $"Roll back to revision {ToRevision}";
        if (!ShouldChange(target, action, () => TryApi("Deployment", name, () => Report(target,
                Await(token => Client.UndoDeploymentAsync(@namespace, name, ToRevision, new WriteOptions { DryRun = true }, token))))))
        {
            return;
        }
        if (Report(target, Await(token => Client.UndoDeploymentAsync(@namespace, name, ToRevision, null, token))) is { } deployment)
        {
            WriteObject(deployment);
        }
    }

    private Deployment? Report(string target, (Deployment? Deployment, Client.Rollouts.DeploymentRevision Target) result)
    {
        if (result.Deployment is null)
        {
            WriteWarning($"{target}: skipped rollback (current template already matches revision {result.Target.Revision}).");
        }
        else
        {
            WriteVerbose($"{target} rolled back to revision {result.Target.Revision}");
        }
        return result.Deployment;
    }
}
