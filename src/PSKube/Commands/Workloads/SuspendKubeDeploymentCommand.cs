using System.Management.Automation;
using PSKube.Client.Models;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Suspend-KubeDeployment: pauses a deployment's rollouts (kubectl rollout pause): changes to its template are kept
/// but roll out only after Resume-KubeDeployment; its pods go on running.
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment))]
public sealed class SuspendKubeDeploymentCommand : DeploymentPauseCmdlet
{
    protected override bool Paused => true;
}
