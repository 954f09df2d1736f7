using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Jobs;

/// <summary>
/// New-KubeCronJob: a CronJob that runs an image on a schedule (kubectl create cronjob NAME --image I --schedule S
/// -- COMMAND), plus the settings kubectl create cannot set. The schedule is checked at binding.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeCronJob", SupportsShouldProcess = true)]
[OutputType(typeof(CronJob))]
public sealed class NewKubeCronJobCommand : NewKubeObjectCmdlet<CronJob>
{
    /// <summary>The CronJob's name (at most 52 characters), also its container's.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>When jobs start: five cron fields such as <c>*/5 * * * *</c>, or a macro such as <c>@daily</c>.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateCronSchedule]
    public string Schedule { get; set; } = "";

    /// <summary>The container image.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Image { get; set; } = "";

    /// <summary>What follows <c>--</c>: the container's command.</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[]? Command { get; set; }

    /// <summary>The restart policy of the jobs' pods.</summary>
    [Parameter]
    [CanonicalSpelling("OnFailure", "Never")]
    [ValidateSet("OnFailure", "Never")]
    public string Restart { get; set; } = "OnFailure";

    /// <summary>Create the CronJob suspended: no job starts until Resume-KubeCronJob.</summary>
    [Parameter]
    public SwitchParameter Suspend { get; set; }

    /// <summary>What to do when a run is due while the previous one still runs; Allow when omitted.</summary>
    [Parameter]
    [CanonicalSpelling("Allow", "Forbid", "Replace")]
    [ValidateSet("Allow", "Forbid", "Replace")]
    public string? ConcurrencyPolicy { get; set; }

    /// <summary>The IANA time zone the schedule is read in, e.g. Europe/Berlin; the controller's (UTC) when omitted.</summary>
    [Parameter]
    public string? TimeZone { get; set; }

    /// <summary>How many completed jobs to keep; the server's 3 when omitted.</summary>
    [Parameter]
    public int? SuccessfulJobsHistoryLimit { get; set; }

    /// <summary>How many failed jobs to keep; the server's 1 when omitted.</summary>
    [Parameter]
    public int? FailedJobsHistoryLimit { get; set; }

    /// <summary>How late a missed run may still start: seconds, text such as 5m, or a TimeSpan.</summary>
    [Parameter]
    [Alias("StartingDeadlineSeconds")]
    [DurationTransformation]
    public TimeSpan? StartingDeadline { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("cronjobs")!;

    protected override CronJob Build() => CronJobGenerator.Generate(new CronJobOptions
    {
        Name = Name,
        Image = Image,
        Schedule = Schedule,
        Namespace = ExplicitNamespace,
        RestartPolicy = Restart,
        Command = Command,
        // kubectl leaves spec.suspend out unless asked; so does an absent -Suspend.
        Suspend = Suspend ? true : null,
        ConcurrencyPolicy = ConcurrencyPolicy,
        TimeZone = TimeZone,
        SuccessfulJobsHistoryLimit = SuccessfulJobsHistoryLimit,
        FailedJobsHistoryLimit = FailedJobsHistoryLimit,
        StartingDeadlineSeconds = StartingDeadline is { } deadline ? (long)Math.Ceiling(deadline.TotalSeconds) : null,
        ParameterNames = ParameterNames((nameof(CronJobOptions.RestartPolicy), nameof(Restart)), (nameof(CronJobOptions.StartingDeadlineSeconds), nameof(StartingDeadline))),
    });
}
