using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Workloads;

/// <summary>Remove-KubeDeployment: deletes deployments (kubectl delete deployments); its replica sets and pods go after it (propagation Background).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeDeployment", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeDeploymentCommand : RemoveKubeObjectCmdlet<Deployment>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("deployments")!;
}
