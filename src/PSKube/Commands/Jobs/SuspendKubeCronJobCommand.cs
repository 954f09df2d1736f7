using System.Management.Automation;
using PSKube.Client.Models;

namespace PSKube.Commands.Jobs;

/// <summary>Suspend-KubeCronJob: stops a cron job from starting new jobs (spec.suspend true); running jobs go on.</summary>
[Cmdlet(VerbsLifecycle.Suspend, "KubeCronJob", SupportsShouldProcess = true)]
[OutputType(typeof(CronJob))]
public sealed class SuspendKubeCronJobCommand : CronJobSuspensionCmdlet
{
    protected override bool Suspended => true;
}
