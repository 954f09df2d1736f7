using PSKube.Client.Models;
using PSKube.Client.Printing;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayCronJobTests
{
    private static readonly DateTimeOffset Now = PrintingTestData.Now;

    [Fact]
    public void Display_CronJob_ShowsKubectlsColumns()
    {
        var cronJob = PrintingTestData.Read<CronJob>("""
            {"metadata":{"name":"report"},
             "spec":{"schedule":"*/3 * * * *","timeZone":"Europe/Paris","suspend":false,
                     "jobTemplate":{"spec":{"selector":{"matchLabels":{"app":"report"}},
                                            "template":{"spec":{"containers":[{"name":"report","image":"busybox"}]}}}}},
             "status":{"active":[{"name":"report-1"},{"name":"report-2"}],"lastScheduleTime":"ago(90)"}}
            """);

        Assert.Equal("*/3 * * * *", cronJob.Schedule);
        Assert.Equal("Europe/Paris", cronJob.TimeZone);
        Assert.False(cronJob.Suspend);
        Assert.Equal(2, cronJob.Active);
        Assert.Equal("90s", CronJobPrinter.LastSchedule(cronJob.Status, Now));
        DisplayCells.Match(
            cronJob,
            ("Schedule", cronJob.Schedule),
            ("Timezone", cronJob.TimeZone),
            ("Suspend", PrintCells.Bool(cronJob.Suspend)),
            ("Active", cronJob.Active),
            ("Last Schedule", CronJobPrinter.LastSchedule(cronJob.Status, Now)),
            ("Containers", cronJob.Containers),
            ("Images", cronJob.Images),
            ("Selector", cronJob.Selector));
    }

    [Fact]
    public void Display_CronJob_NeverScheduledShowsNone()
    {
        var cronJob = new CronJob { Spec = new CronJobSpec { Schedule = "@hourly" } };
        Assert.Null(cronJob.LastSchedule);
        Assert.Equal("<none>", cronJob.TimeZone);
        Assert.Equal(0, cronJob.Active);
    }

    [Fact]
    public void Display_CronJob_LastScheduleIsTheTimeSinceTheLastRun()
    {
        // Ten minutes and some seconds read as "10m" for the next forty seconds, so the real clock cannot make this flaky.
        var cronJob = new CronJob { Status = new CronJobStatus { LastScheduleTime = DateTimeOffset.UtcNow.AddSeconds(-620) } };
        Assert.Equal("10m", cronJob.LastSchedule.ToString());
    }

    [Fact]
    public void Display_CronJob_NextRunEveryThreeMinutes()
    {
        var cronJob = CronJobWith("*/3 * * * *");
        var after = new DateTimeOffset(2024, 5, 1, 12, 4, 30, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 6, 0, TimeSpan.Zero), cronJob.NextRunAfter(after));
    }

    [Fact]
    public void Display_CronJob_NextRunIsInTheCronJobsTimeZone()
    {
        // 09:00 in Paris is 07:00 UTC in summer time.
        var cronJob = CronJobWith("0 9 * * *", timeZone: "Europe/Paris");
        var next = cronJob.NextRunAfter(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 7, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.FromHours(2), next!.Value.Offset);
    }

    [Fact]
    public void Display_CronJob_NextRunFollowsTheRealClock()
    {
        var before = DateTimeOffset.UtcNow;
        var next = CronJobWith("* * * * *").NextRun;
        Assert.NotNull(next);
        Assert.InRange(next.Value - before, TimeSpan.Zero, TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(5));
        Assert.InRange(CronJobWith("* * * * *").NextRunIn!.Value.TimeSpan, TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(1));
        Assert.Null(CronJobWith("* * * * *", suspend: true).NextRunIn);
    }

    [Theory]
    [InlineData("*/3 * * * *", null, true)] // suspended: no job is due
    [InlineData("not a schedule", null, false)]
    [InlineData("TZ=UTC 0 * * * *", null, false)] // rejected by the API server, so never run
    [InlineData("0 * * * *", "Mars/Olympus_Mons", false)]
    public void Display_CronJob_NoNextRun(string schedule, string? timeZone, bool suspend) =>
        Assert.Null(CronJobWith(schedule, timeZone, suspend).NextRunAfter(Now));

    [Fact]
    public void Display_CronJob_NoNextRunWithoutASchedule() => Assert.Null(new CronJob().NextRunAfter(Now));

    private static CronJob CronJobWith(string schedule, string? timeZone = null, bool suspend = false) =>
        new() { Spec = new CronJobSpec { Schedule = schedule, TimeZone = timeZone, Suspend = suspend } };
}
