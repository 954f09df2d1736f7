using System.Management.Automation;
using PSKube.Client.Models;

namespace PSKube.Commands.Workloads;

/// <summary>Resume-KubeDeployment: resumes a paused deployment (kubectl rollout resume), which rolls out the template changes made meanwhile.</summary>
[Cmdlet(VerbsLifecycle.Resume, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment))]
public sealed class ResumeKubeDeploymentCommand : DeploymentPauseCmdlet
{
    protected override bool Paused => false;
}
