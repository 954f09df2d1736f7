using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Workloads;

/// <summary>Get-KubeDeployment: deployments by name (wildcards), selector or field selector (kubectl get deployments).</summary>
[Cmdlet(VerbsCommon.Get, "KubeDeployment")]
[OutputType(typeof(Deployment))]
public sealed class GetKubeDeploymentCommand : GetKubeObjectCmdlet<Deployment>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("deployments")!;
}
