using System.Management.Automation;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Commands.Workloads;

/// <summary>What Suspend-KubeDeployment and Resume-KubeDeployment share: spec.paused set with a patch of it alone, -WhatIf as a server dry run.</summary>
public abstract class DeploymentPauseCmdlet : DeploymentRolloutCmdlet
{
    /// <summary>The value spec.paused gets.</summary>
    protected abstract bool Paused { get; }

    protected override void Process(ResourceDefinition resource, string @namespace, string name)
    {
        if (ShouldChange(Describe("deployment", name, @namespace), Paused ? "Pause rollouts" : "Resume rollouts", () => TryApi("Deployment", name, () =>
                Await(token => Client.SetDeploymentPausedAsync(@namespace, name, Paused, new WriteOptions { DryRun = true }, token)))))
        {
            WriteObject(Await(token => Client.SetDeploymentPausedAsync(@namespace, name, Paused, null, token)));
        }
    }
}
