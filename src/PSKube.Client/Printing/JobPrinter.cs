using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Jobs: NAME STATUS COMPLETIONS DURATION AGE, and CONTAINERS, IMAGES, SELECTOR when wide.</summary>
internal sealed class JobPrinter : ResourcePrinter<Job>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Status", "Complete, Failed, Terminating, Suspended, FailureTarget or Running."),
        PrintColumns.Text("Completions", "Succeeded pods over required completions."),
        PrintColumns.Text("Duration", "How long the job ran, or has been running."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
        PrintColumns.Selector,
    ];

    protected override object?[] RowOf(Job obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        obj.Status,
        obj.Completions,
        Duration(obj.JobStatus, now),
        PrintCells.Age(obj, now),
        obj.Containers,
        obj.Images,
        obj.Selector,
    ];

    internal static string Status(Job job)
    {
        var conditions = job.JobStatus?.Conditions ?? [];
        if (HasCondition(conditions, "Complete"))
        {
            return "Complete";
        }

        if (HasCondition(conditions, "Failed"))
        {
            return "Failed";
        }

        if (job.Metadata?.DeletionTimestamp is not null)
        {
            return "Terminating";
        }

        if (HasCondition(conditions, "Suspended"))
        {
            return "Suspended";
        }

        return HasCondition(conditions, "FailureTarget") ? "FailureTarget" : "Running";
    }

    internal static string Completions(Job job)
    {
        var succeeded = job.JobStatus?.Succeeded ?? 0;
        if (job.Spec?.Completions is { } completions)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{succeeded}/{completions}");
        }

        // Without completions the job is done after one success, however many pods run in parallel.
        var parallelism = job.Spec?.Parallelism ?? 0;
        return parallelism > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{succeeded}/1 of {parallelism}")
            : string.Create(CultureInfo.InvariantCulture, $"{succeeded}/1");
    }

    internal static string Duration(JobStatus? status, DateTimeOffset now) => DurationSpan(status, now)?.ToString() ?? string.Empty;

    /// <summary>How long the job ran, or has been running; null before it starts.</summary>
    internal static KubeDuration? DurationSpan(JobStatus? status, DateTimeOffset now) => (status?.StartTime, status?.CompletionTime) switch
    {
        (null, _) => null,
        ({ } start, null) => new KubeDuration(now - start),
        ({ } start, { } completion) => new KubeDuration(completion - start),
    };

    // The printer looks only at the first condition of the type.
    private static bool HasCondition(IEnumerable<JobCondition> conditions, string type) =>
        conditions.FirstOrDefault(condition => condition.Type == type)?.Status == "True";
}
