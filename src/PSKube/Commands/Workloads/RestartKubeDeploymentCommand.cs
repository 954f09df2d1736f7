using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Restart-KubeDeployment: replaces every pod of a deployment (or stateful set, daemon set) by a rolling update
/// (kubectl rollout restart), by stamping the pod template's kubectl.kubernetes.io/restartedAt annotation, which
/// makes a new revision.
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment), typeof(StatefulSet), typeof(DaemonSet))]
public sealed class RestartKubeDeploymentCommand : WorkloadRolloutCmdlet
{
    protected override void Process(ResourceDefinition resource, string @namespace, string name)
    {
        if (ShouldChange(Describe(resource.Singular, name, @namespace), "Restart", () => TryApi(resource.Kind, name, () =>
                Await(token => Client.RestartAsync(resource, @namespace, name, new WriteOptions { DryRun = true }, token)))))
        {
            WriteObject(Await(token => Client.RestartAsync(resource, @namespace, name, null, token)));
        }
    }
}
