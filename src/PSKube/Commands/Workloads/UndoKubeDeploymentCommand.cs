using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Undo-KubeDeployment: rolls a deployment (or stateful set, daemon set) back to an earlier revision (kubectl rollout
/// undo): the previous one, or -ToRevision. As kubectl, the revision's pod template is patched into the workload,
/// which then rolls out; one that already runs that template is left alone with a warning.
/// </summary>
[Cmdlet(VerbsCommon.Undo, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment), typeof(StatefulSet), typeof(DaemonSet))]
public sealed class UndoKubeDeploymentCommand : WorkloadRolloutCmdlet
{
    /// <summary>The revision to go back to (Get-KubeDeploymentHistory lists them); 0, the default, is the one before the newest. A piped revision binds its own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Revision")]
    [ValidateRange(0, int.MaxValue)]
    public int ToRevision { get; set; }

    protected override void Process(ResourceDefinition resource, string @namespace, string name)
    {
        var target = Describe(resource.Singular, name, @namespace);
        var action = ToRevision == 0 ? "Roll back to the previous revision" : $"Roll back to revision {ToRevision}";
        if (!ShouldChange(target, action, () => TryApi(resource.Kind, name, () => Report(target,
                Await(token => Client.UndoAsync(resource, @namespace, name, ToRevision, new WriteOptions { DryRun = true }, token))))))
        {
            return;
        }
        if (Report(target, Await(token => Client.UndoAsync(resource, @namespace, name, ToRevision, null, token))) is { } workload)
        {
            WriteObject(workload);
        }
    }

    private KubeObject? Report(string target, (KubeObject? Workload, RolloutRevision Target) result)
    {
        if (result.Workload is null)
        {
            WriteWarning($"{target}: skipped rollback (current template already matches revision {result.Target.Revision}).");
        }
        else
        {
            WriteVerbose($"{target} rolled back to revision {result.Target.Revision}");
        }
        return result.Workload;
    }
}
