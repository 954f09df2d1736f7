using System.Text.RegularExpressions;
using PSKube.Client.Models;
using PSKube.Client.Scheduling;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the CronJob <c>kubectl create cronjob</c> builds, after checking every option.</summary>
public static partial class CronJobGenerator
{
    /// <summary>The CronJob for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static CronJob Generate(CronJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("cronjobs", options.Name, options.Parameter(nameof(CronJobOptions.Name)));
        var restartPolicy = GeneratorInput.OneOf(options.RestartPolicy, options.Parameter(nameof(CronJobOptions.RestartPolicy)), "restart policy for a CronJob's pods", "OnFailure", "Never");
        return new CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(CronJobOptions.Namespace))),
            },
            Spec = new CronJobSpec
            {
                Schedule = Schedule(options.Schedule, options.Parameter(nameof(CronJobOptions.Schedule))),
                TimeZone = TimeZone(options.TimeZone, options.Parameter(nameof(CronJobOptions.TimeZone))),
                Suspend = options.Suspend,
                ConcurrencyPolicy = options.ConcurrencyPolicy is null
                    ? null
                    : GeneratorInput.OneOf(options.ConcurrencyPolicy, options.Parameter(nameof(CronJobOptions.ConcurrencyPolicy)), "concurrency policy", "Allow", "Forbid", "Replace"),
                SuccessfulJobsHistoryLimit = GeneratorInput.NotNegative(options.SuccessfulJobsHistoryLimit, options.Parameter(nameof(CronJobOptions.SuccessfulJobsHistoryLimit))),
                FailedJobsHistoryLimit = GeneratorInput.NotNegative(options.FailedJobsHistoryLimit, options.Parameter(nameof(CronJobOptions.FailedJobsHistoryLimit))),
                StartingDeadlineSeconds = GeneratorInput.NotNegative(options.StartingDeadlineSeconds, options.Parameter(nameof(CronJobOptions.StartingDeadlineSeconds))),
                JobTemplate = new JobTemplateSpec
                {
                    Metadata = new ObjectMeta { Name = name },
                    Spec = new JobSpec
                    {
                        Template = JobGenerator.PodTemplate(name, options.Parameter(nameof(CronJobOptions.Name)), options.Image, options.Parameter(nameof(CronJobOptions.Image)), options.Command, options.Parameter(nameof(CronJobOptions.Command)), restartPolicy),
                    },
                },
            },
            Status = new CronJobStatus(),
        };
    }

    private static string Schedule(string? schedule, string parameter)
    {
        if (schedule is null)
        {
            throw new KubeInputException($"A schedule is required. Give {parameter} as five fields (minute hour day-of-month month day-of-week), e.g. '*/5 * * * *', or a macro such as @daily.", parameter);
        }

        try
        {
            CronSchedule.Parse(schedule);
            return schedule;
        }
        catch (CronScheduleException e)
        {
            throw new KubeInputException(e.Message, parameter, e);
        }
    }

    // The API server's rules: not empty, not "Local", each '/'-separated part 1-14 of [A-Za-z0-9.-_+] not starting
    // with '-', and a zone its time zone database knows. The runtime's database stands in for the server's.
    private static string? TimeZone(string? timeZone, string parameter)
    {
        var fix = $"Give an IANA time zone name such as 'Etc/UTC', 'Europe/Berlin' or 'America/New_York', or leave {parameter} out to use the controller's time zone.";
        if (timeZone is null)
        {
            return null;
        }

        if (timeZone.Length == 0)
        {
            throw new KubeInputException($"The time zone is empty. {fix}", parameter);
        }

        if (string.Equals(timeZone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            throw new KubeInputException($"The time zone '{timeZone}' is not allowed: Kubernetes wants an explicit zone. {fix}", parameter);
        }

        var wellFormed = timeZone.Split('/').All(part => part is not ("." or "..") && !part.StartsWith('-') && TimeZonePartRegex().IsMatch(part));
        if (!wellFormed || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new KubeInputException($"The time zone '{timeZone}' is unknown (names are case-sensitive). {fix}", parameter);
        }

        return timeZone;
    }

    [GeneratedRegex(@"\A[A-Za-z.\-_0-9+]{1,14}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePartRegex();
}
