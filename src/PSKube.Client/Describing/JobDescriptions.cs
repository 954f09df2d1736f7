using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe job: parallelism, completions, limits, times, pods by state, pod template, events.</summary>
public sealed class JobDescription : KubeDescription
{
    internal JobDescription(Job job, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(job, events)
    {
        Job = job;
        PodTemplate = PodTemplateDescription.Of(job.Spec?.Template);
        Text = Render(now);
    }

    public Job Job { get; }

    public string Selector => Workloads.SelectorOrEmpty(Job.Spec?.Selector);

    public string? ControlledBy => PodDescription.ControllerOf(Job);

    public int? Parallelism => Job.Spec?.Parallelism;

    public int? Completions => Job.Spec?.Completions;

    public string? CompletionMode => Job.Spec?.CompletionMode;

    public bool? Suspend => Job.Spec?.Suspend;

    public int? BackoffLimit => Job.Spec?.BackoffLimit;

    public DateTimeOffset? StartTime => Job.JobStatus?.StartTime;

    public DateTimeOffset? CompletedAt => Job.JobStatus?.CompletionTime;

    /// <summary>How long it ran, once complete.</summary>
    public TimeSpan? Duration => CompletedAt - StartTime;

    public int Active => Job.JobStatus?.Active ?? 0;

    public int? Ready => Job.JobStatus?.Ready;

    public int Succeeded => Job.JobStatus?.Succeeded ?? 0;

    public int Failed => Job.JobStatus?.Failed ?? 0;

    public PodTemplateDescription PodTemplate { get; }

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        var spec = Job.Spec;
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Field(0, "Selector", Selector);
        w.Labels("Labels", Job.Metadata?.Labels);
        w.Annotations("Annotations", Job.Metadata?.Annotations);
        if (ControlledBy is { } controller)
        {
            w.Field(0, "Controlled By", controller);
        }
        if (Parallelism is { } parallelism)
        {
            w.Field(0, "Parallelism", parallelism);
        }
        w.Field(0, "Completions", Completions is { } completions ? DescribeText.Number(completions) : DescribeText.Unset);
        if (CompletionMode is { } mode)
        {
            w.Field(0, "Completion Mode", mode);
        }
        if (Suspend is { } suspend)
        {
            w.Field(0, "Suspend", suspend ? "true" : "false");
        }
        if (BackoffLimit is { } backoffLimit)
        {
            w.Field(0, "Backoff Limit", backoffLimit);
        }
        if (spec?.TtlSecondsAfterFinished is { } ttl)
        {
            w.Field(0, "TTL Seconds After Finished", ttl);
        }
        if (StartTime is { } start)
        {
            w.Field(0, "Start Time", DescribeText.Time(start));
        }
        if (CompletedAt is { } completed)
        {
            w.Field(0, "Completed At", DescribeText.Time(completed));
        }
        if (Duration is { } duration)
        {
            w.Field(0, "Duration", HumanDuration.Format(duration));
        }
        if (spec?.ActiveDeadlineSeconds is { } deadline)
        {
            w.Field(0, "Active Deadline Seconds", $"{deadline}s");
        }
        w.Field(0, "Pods Statuses", Ready is { } ready
            ? $"{Active} Active ({ready} Ready) / {Succeeded} Succeeded / {Failed} Failed"
            : $"{Active} Active / {Succeeded} Succeeded / {Failed} Failed");
        if (CompletionMode == "Indexed")
        {
            w.Field(0, "Completed Indexes", CappedIndexes(Job.JobStatus?.CompletedIndexes));
        }
        PodTemplate.Write(w);
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }

    // About the first 50 characters of the index list, cut after a whole index.
    private static string CappedIndexes(string? indexes)
    {
        if (string.IsNullOrEmpty(indexes))
        {
            return DescribeText.None;
        }
        var cut = indexes.IndexOf(',', Math.Min(50, indexes.Length));
        return cut < 0 ? indexes : indexes[..(cut + 1)] + "...";
    }
}

/// <summary>kubectl describe cronjob: schedule, policies, history limits, job template, last schedule, active jobs, events.</summary>
public sealed class CronJobDescription : KubeDescription
{
    internal CronJobDescription(CronJob cronJob, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(cronJob, events)
    {
        CronJob = cronJob;
        PodTemplate = PodTemplateDescription.Of(cronJob.Spec?.JobTemplate?.Spec?.Template);
        Text = Render(now);
    }

    public CronJob CronJob { get; }

    public string? Schedule => CronJob.Spec?.Schedule;

    public string? ConcurrencyPolicy => CronJob.Spec?.ConcurrencyPolicy;

    public bool? Suspend => CronJob.Spec?.Suspend;

    public int? SuccessfulJobsHistoryLimit => CronJob.Spec?.SuccessfulJobsHistoryLimit;

    public int? FailedJobsHistoryLimit => CronJob.Spec?.FailedJobsHistoryLimit;

    public long? StartingDeadlineSeconds => CronJob.Spec?.StartingDeadlineSeconds;

    public PodTemplateDescription PodTemplate { get; }

    public DateTimeOffset? LastScheduleTime => CronJob.Status?.LastScheduleTime;

    /// <summary>The names of the jobs running now.</summary>
    public IReadOnlyList<string> ActiveJobs => (CronJob.Status?.Active ?? []).Select(j => j.Name ?? "").ToList();

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        var jobSpec = CronJob.Spec?.JobTemplate?.Spec;
        static string OrUnset(long? value) => value is { } number ? number.ToString(CultureInfo.InvariantCulture) : DescribeText.Unset;
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Labels("Labels", CronJob.Metadata?.Labels);
        w.Annotations("Annotations", CronJob.Metadata?.Annotations);
        w.Field(0, "Schedule", Schedule);
        w.Field(0, "Concurrency Policy", ConcurrencyPolicy);
        w.Field(0, "Suspend", Suspend is null ? DescribeText.Unset : DescribeText.Bool(Suspend));
        w.Field(0, "Successful Job History Limit", OrUnset(SuccessfulJobsHistoryLimit));
        w.Field(0, "Failed Job History Limit", OrUnset(FailedJobsHistoryLimit));
        w.Field(0, "Starting Deadline Seconds", StartingDeadlineSeconds is { } deadline ? $"{deadline}s" : DescribeText.Unset);
        w.Field(0, "Selector", jobSpec?.Selector is { } selector ? Workloads.SelectorOrEmpty(selector) : DescribeText.Unset);
        w.Field(0, "Parallelism", OrUnset(jobSpec?.Parallelism));
        w.Field(0, "Completions", OrUnset(jobSpec?.Completions));
        if (jobSpec?.ActiveDeadlineSeconds is { } activeDeadline)
        {
            w.Field(0, "Active Deadline Seconds", $"{activeDeadline}s");
        }
        PodTemplate.Write(w);
        w.Field(0, "Last Schedule Time", LastScheduleTime is { } last ? DescribeText.Time(last) : DescribeText.Unset);
        w.Field(0, "Active Jobs", ActiveJobs.Count == 0 ? DescribeText.None : string.Join(", ", ActiveJobs));
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}
