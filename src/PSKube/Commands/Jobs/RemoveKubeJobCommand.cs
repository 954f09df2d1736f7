using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using Job = PSKube.Client.Models.Job;
using PSKube.Commands.Common;

namespace PSKube.Commands.Jobs;

/// <summary>Remove-KubeJob: deletes jobs (kubectl delete jobs); its pods go after it (propagation Background), as with kubectl.</summary>
[Cmdlet(VerbsCommon.Remove, "KubeJob", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeJobCommand : RemoveKubeObjectCmdlet<Job>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("jobs")!;
}
