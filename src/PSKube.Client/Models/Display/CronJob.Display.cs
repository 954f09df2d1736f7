using System.Text.Json.Serialization;
using PSKube.Client.Printing;
using PSKube.Client.Scheduling;

namespace PSKube.Client.Models;

// What kubectl get cronjobs -o wide shows, as plain properties, and when the next job is due.
public sealed partial class CronJob
{
    /// <summary>The SCHEDULE column: the cron expression.</summary>
    [JsonIgnore]
    public string Schedule => Spec?.Schedule ?? string.Empty;

    /// <summary>The TIMEZONE column: the IANA zone the schedule is read in, <c>&lt;none&gt;</c> for the controller's (UTC).</summary>
    [JsonIgnore]
    public string TimeZone => Spec?.TimeZone ?? PrintCells.None;

    /// <summary>The SUSPEND column as a boolean, so <c>Where-Object Suspend</c> works (the server defaults it to false).</summary>
    [JsonIgnore]
    public bool Suspend => Spec?.Suspend == true;

    /// <summary>The ACTIVE column: jobs of this CronJob that are running.</summary>
    [JsonIgnore]
    public int Active => Status?.Active?.Count ?? 0;

    /// <summary>The LAST SCHEDULE column: how long ago a job was last scheduled, by the server's clock; null (<c>&lt;none&gt;</c>) before the first.</summary>
    [JsonIgnore]
    public KubeDuration? LastSchedule => KubeDuration.Since(Status?.LastScheduleTime, Now);

    /// <summary>
    /// When the next job is due, in the CronJob's time zone; null when suspended, or when the schedule or the zone
    /// cannot be read (the controller then schedules nothing either).
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NextRun => NextRunAfter(Now);

    /// <summary>How long until <see cref="NextRun"/>, by the server's clock (the table's NEXT RUN column, <c>in 2m</c>); null when none is due.</summary>
    [JsonIgnore]
    public KubeDuration? NextRunIn => NextRun is { } next ? new KubeDuration(next - Now) : null;

    /// <summary>The CONTAINERS column: the job template's container names, joined by commas.</summary>
    [JsonIgnore]
    public string Containers => PrintCells.Containers(JobSpec?.Template).Names;

    /// <summary>The IMAGES column: the job template's container images, joined by commas.</summary>
    [JsonIgnore]
    public string Images => PrintCells.Containers(JobSpec?.Template).Images;

    /// <summary>The SELECTOR column: the job template's pod selector, <c>&lt;none&gt;</c> when empty.</summary>
    [JsonIgnore]
    public string Selector => LabelFormatting.Selector(JobSpec?.Selector);

    private JobSpec? JobSpec => Spec?.JobTemplate?.Spec;

    internal DateTimeOffset? NextRunAfter(DateTimeOffset now)
    {
        if (Suspend || Spec?.Schedule is not { } expression)
        {
            return null;
        }

        try
        {
            var zone = Spec.TimeZone is { } zoneName ? TimeZoneInfo.FindSystemTimeZoneById(zoneName) : TimeZoneInfo.Utc;
            return CronSchedule.Parse(expression).Next(now, zone);
        }
        catch (Exception e) when (e is CronScheduleException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
