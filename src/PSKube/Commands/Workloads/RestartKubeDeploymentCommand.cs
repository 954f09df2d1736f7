using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Restart-KubeDeployment: replaces every pod of a deployment by a rolling update (kubectl rollout restart), by
/// stamping the pod template's kubectl.kubernetes.io/restartedAt annotation, which makes a new revision.
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment))]
public sealed class RestartKubeDeploymentCommand : DeploymentRolloutCmdlet
{
    protected override void Process(string @namespace, string name)
    {
        if (ShouldChange(Describe("deployment", name, @namespace), "Restart", () => TryApi("Deployment", name, () =>
                Await(token => Client.RestartDeploymentAsync(@namespace, name, new WriteOptions { DryRun = true }, token)))))
        {
            WriteObject(Await(token => Client.RestartDeploymentAsync(@namespace, name, null, token)));
        }
    }
}
