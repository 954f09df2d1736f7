using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using Job = PSKube.Client.Models.Job;
using PSKube.Commands.Common;

namespace PSKube.Commands.Jobs;

/// <summary>Get-KubeJob: jobs by name (wildcards), selector or field selector (kubectl get jobs).</summary>
[Cmdlet(VerbsCommon.Get, "KubeJob")]
[OutputType(typeof(Job))]
public sealed class GetKubeJobCommand : GetKubeObjectCmdlet<Job>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("jobs")!;
}
