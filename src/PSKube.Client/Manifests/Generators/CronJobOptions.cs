namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create cronjob NAME --image=I --schedule=S [--restart R] -- CMD</c> takes, plus the CronJob
/// settings kubectl create cannot set.
/// </summary>
public sealed record CronJobOptions : GeneratorOptions
{
    /// <summary>The CronJob's name (at most 52 characters), also its job template's and container's name.</summary>
    public required string Name { get; init; }

    /// <summary>The container image (<c>--image</c>).</summary>
    public required string Image { get; init; }

    /// <summary>The cron schedule (<c>--schedule</c>): five fields such as <c>*/5 * * * *</c>, or a macro such as <c>@daily</c>.</summary>
    public required string Schedule { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>OnFailure (the default) or Never (<c>--restart</c>).</summary>
    public string RestartPolicy { get; init; } = "OnFailure";

    /// <summary>The container's command, what follows <c>--</c>.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Creates the CronJob suspended: no Jobs start until it is resumed.</summary>
    public bool? Suspend { get; init; }

    /// <summary>Allow (the default), Forbid or Replace: what to do when a run is due while the last one still runs.</summary>
    public string? ConcurrencyPolicy { get; init; }

    /// <summary>The IANA time zone the schedule is read in, e.g. <c>Europe/Berlin</c>; null means the controller's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>How many finished Jobs to keep (server default 3).</summary>
    public int? SuccessfulJobsHistoryLimit { get; init; }

    /// <summary>How many failed Jobs to keep (server default 1).</summary>
    public int? FailedJobsHistoryLimit { get; init; }

    /// <summary>How late, in seconds, a missed run may still start.</summary>
    public long? StartingDeadlineSeconds { get; init; }
}
