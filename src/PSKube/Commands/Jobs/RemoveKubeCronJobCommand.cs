using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Jobs;

/// <summary>Remove-KubeCronJob: deletes cron jobs (kubectl delete cronjobs); the jobs it made go after it (propagation Background).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeCronJob", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeCronJobCommand : RemoveKubeObjectCmdlet<CronJob>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("cronjobs")!;
}
