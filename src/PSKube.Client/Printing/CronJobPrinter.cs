using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>CronJobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, and CONTAINERS, IMAGES, SELECTOR when wide.</summary>
internal sealed class CronJobPrinter : ResourcePrinter<CronJob>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Schedule", "The cron schedule."),
        PrintColumns.Text("Timezone", "The time zone the schedule is read in."),
        // Declared boolean, but the real server sends the strings True, False or <unset>.
        new("Suspend", "boolean", string.Empty, "Whether new runs are held back.", 0),
        PrintColumns.Integer("Active", "Jobs of this CronJob that are running."),
        PrintColumns.Text("Last Schedule", "How long ago a job was last scheduled."),
        PrintColumns.Age,
        PrintColumns.Containers,
        PrintColumns.Images,
        PrintColumns.Selector,
    ];

    internal static string LastSchedule(CronJobStatus? status, DateTimeOffset now) =>
        status?.LastScheduleTime is { } lastSchedule ? HumanDuration.Age(lastSchedule, now) : PrintCells.None;

    protected override object?[] RowOf(CronJob obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        obj.Schedule,
        obj.TimeZone,
        PrintCells.Bool(obj.Spec?.Suspend),
        (long)obj.Active,
        LastSchedule(obj.Status, now),
        PrintCells.Age(obj, now),
        obj.Containers,
        obj.Images,
        obj.Selector,
    ];
}
