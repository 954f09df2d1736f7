using System.Management.Automation;
using PSKube.Client.Models;

namespace PSKube.Commands.Jobs;

/// <summary>Resume-KubeCronJob: lets a suspended cron job start jobs on its schedule again (spec.suspend false).</summary>
[Cmdlet(VerbsLifecycle.Resume, "KubeCronJob", SupportsShouldProcess = true)]
[OutputType(typeof(CronJob))]
public sealed class ResumeKubeCronJobCommand : CronJobSuspensionCmdlet
{
    protected override bool Suspended => false;
}
