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

    protected override object?[] RowOf(CronJob obj, DateTimeOffset now)
    {
        var jobSpec = obj.Spec?.JobTemplate?.Spec;
        var (names, images) = PrintCells.Containers(jobSpec?.Template);
        var lastSchedule = obj.Status?.LastScheduleTime;
        return
        [
            PrintCells.Name(obj),
            obj.Spec?.Schedule ?? string.Empty,
            obj.Spec?.TimeZone ?? PrintCells.None,
            PrintCells.Bool(obj.Spec?.Suspend),
            PrintCells.Count(obj.Status?.Active),
            lastSchedule is null ? PrintCells.None : HumanDuration.Age(lastSchedule, now),
            PrintCells.Age(obj, now),
            names,
            images,
            LabelFormatting.Selector(jobSpec?.Selector),
        ];
    }
}
