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
        var name = GeneratorInput.ObjectName("cronjobs", options.Name, nameof(CronJobOptions.Name));
        var restartPolicy = GeneratorInput.OneOf(options.RestartPolicy, nameof(CronJobOptions.RestartPolicy), "restart policy for a CronJob's pods", "OnFailure", "Never");
        return new CronJob
        {
            ApiVersion = "batch/v1",
            Kind = "CronJob",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, nameof(CronJobOptions.Namespace)),
            },
            Spec = new CronJobSpec
            {
                Schedule = Schedule(options.Schedule),
                TimeZone = TimeZone(options.TimeZone),
                Suspend = options.Suspend,
                ConcurrencyPolicy = options.ConcurrencyPolicy is null
                    ? null
                    : GeneratorInput.OneOf(options.ConcurrencyPolicy, nameof(CronJobOptions.ConcurrencyPolicy), "concurrency policy", "Allow", "Forbid", "Replace"),
                SuccessfulJobsHistoryLimit = GeneratorInput.NotNegative(options.SuccessfulJobsHistoryLimit, nameof(CronJobOptions.SuccessfulJobsHistoryLimit)),
                FailedJobsHistoryLimit = GeneratorInput.NotNegative(options.FailedJobsHistoryLimit, nameof(CronJobOptions.FailedJobsHistoryLimit)),
                StartingDeadlineSeconds = GeneratorInput.NotNegative(options.StartingDeadlineSeconds, nameof(CronJobOptions.StartingDeadlineSeconds)),
                JobTemplate = new JobTemplateSpec
                {
                    Metadata = new ObjectMeta { Name = name },
                    Spec = new JobSpec
                    {
                        Template = JobGenerator.PodTemplate(name, nameof(CronJobOptions.Name), options.Image, nameof(CronJobOptions.Image), options.Command, nameof(CronJobOptions.Command), restartPolicy),
                    },
                },
            },
            Status = new CronJobStatus(),
        };
    }

    private static string Schedule(string? schedule)
    {
        const string Parameter = nameof(CronJobOptions.Schedule);
        if (schedule is null)
        {
            throw new KubeInputException("A schedule is required. Give Schedule as five fields (minute hour day-of-month month day-of-week), e.g. '*/5 * * * *', or a macro such as @daily.", Parameter);
        }

        try
        {
            CronSchedule.Parse(schedule);
            return schedule;
        }
        catch (CronScheduleException e)
        {
            throw new KubeInputException(e.Message, Parameter, e);
        }
    }

    // The API server's rules: not empty, not "Local", each '/'-separated part 1-14 of [A-Za-z0-9.-_+] not starting
    // with '-', and a zone its time zone database knows. The runtime's database stands in for the server's.
    private static string? TimeZone(string? timeZone)
    {
        const string Parameter = nameof(CronJobOptions.TimeZone);
        const string Fix = "Give an IANA time zone name such as 'Etc/UTC', 'Europe/Berlin' or 'America/New_York', or leave TimeZone out to use the controller's time zone.";
        if (timeZone is null)
        {
            return null;
        }

        if (timeZone.Length == 0)
        {
            throw new KubeInputException($"The time zone is empty. {Fix}", Parameter);
        }

        if (string.Equals(timeZone, "Local", StringComparison.OrdinalIgnoreCase))
        {
            throw new KubeInputException($"The time zone '{timeZone}' is not allowed: Kubernetes wants an explicit zone. {Fix}", Parameter);
        }

        var wellFormed = timeZone.Split('/').All(part => part is not ("." or "..") && !part.StartsWith('-') && TimeZonePartRegex().IsMatch(part));
        if (!wellFormed || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new KubeInputException($"The time zone '{timeZone}' is unknown (names are case-sensitive). {Fix}", Parameter);
        }

        return timeZone;
    }

    [GeneratedRegex(@"\A[A-Za-z.\-_0-9+]{1,14}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZonePartRegex();
}
