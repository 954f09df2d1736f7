using System.Globalization;
using PSKube.Client.Scheduling;

namespace PSKube.Client.Tests.Scheduling;

public class CronScheduleNextTests
{
    // US Eastern rules, built by hand so the test does not depend on the machine's tz database:
    // UTC-5, daylight UTC-4 from the 2nd Sunday of March 02:00 to the 1st Sunday of November 02:00.
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Eastern",
        TimeSpan.FromHours(-5),
        "Test Eastern",
        "EST",
        "EDT",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);

    // A zone whose clocks jump from midnight to 01:00 (as São Paulo's used to): UTC-3, daylight
    // UTC-2 from the 1st Sunday of November 00:00 to the 3rd Sunday of February 00:00.
    private static readonly TimeZoneInfo MidnightGap = TimeZoneInfo.CreateCustomTimeZone(
        "Test/MidnightGap",
        TimeSpan.FromHours(-3),
        "Test Midnight Gap",
        "STD",
        "DST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 11, 1, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 0, 0, 0), 2, 3, DayOfWeek.Sunday)),
        ]);

    [Theory]
    // Every minute, strictly after, sub-second times round up to the next whole minute.
    [InlineData("* * * * *", "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z")]
    [InlineData("* * * * *", "2024-01-01T00:00:30.5Z", "2024-01-01T00:01:00Z")]
    [InlineData("* * * * *", "2024-12-31T23:59:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("0 * * * *", "2024-01-01T00:59:59.9Z", "2024-01-01T01:00:00Z")]
    [InlineData("30 2 * * *", "2024-01-01T02:30:00Z", "2024-01-02T02:30:00Z")]
    [InlineData("30 2 * * *", "2024-01-01T02:29:59Z", "2024-01-01T02:30:00Z")]
    // Month ends and leap years.
    [InlineData("0 0 31 * *", "2024-01-31T00:00:00Z", "2024-03-31T00:00:00Z")]
    [InlineData("0 0 31 * *", "2024-04-01T00:00:00Z", "2024-05-31T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2023-01-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2100-01-01T00:00:00Z", "2104-02-29T00:00:00Z")]
    [InlineData("0 0 1 1 *", "2024-12-31T12:00:00Z", "2025-01-01T00:00:00Z")]
    // Both day fields restricted: either may match (2024-09-01 is a Sunday).
    [InlineData("0 0 13 * 5", "2024-09-01T00:00:00Z", "2024-09-06T00:00:00Z")]
    [InlineData("0 0 13 * 5", "2024-09-10T00:00:00Z", "2024-09-13T00:00:00Z")]
    [InlineData("0 0 13 * 5", "2024-09-13T00:00:00Z", "2024-09-20T00:00:00Z")]
    [InlineData("0 0 1 * MON", "2024-09-26T00:00:00Z", "2024-09-30T00:00:00Z")]
    [InlineData("0 0 1 * MON", "2024-09-30T00:00:00Z", "2024-10-01T00:00:00Z")]
    [InlineData("0 0 15 * */3", "2024-09-01T00:00:00Z", "2024-09-04T00:00:00Z")]
    // One day field is '*' (or '*/1', or '?'): both must match.
    [InlineData("0 0 * * 1", "2024-09-26T00:00:00Z", "2024-09-30T00:00:00Z")]
    [InlineData("0 0 1 * *", "2024-09-02T00:00:00Z", "2024-10-01T00:00:00Z")]
    [InlineData("0 0 15 * */1", "2024-09-01T00:00:00Z", "2024-09-15T00:00:00Z")]
    [InlineData("0 12 ? * ?", "2024-09-01T12:00:00Z", "2024-09-02T12:00:00Z")]
    [InlineData("0 0 13 * 5,*", "2024-09-01T00:00:00Z", "2024-09-13T00:00:00Z")]
    // Names in any case, lists, ranges and steps.
    [InlineData("0 9 * JAN,jul Mon", "2024-06-15T00:00:00Z", "2024-07-01T09:00:00Z")]
    [InlineData("0 9 * * mon-FRI", "2024-09-27T10:00:00Z", "2024-09-30T09:00:00Z")]
    [InlineData("5/20 * * * *", "2024-01-01T10:26:00Z", "2024-01-01T10:45:00Z")]
    [InlineData("5/20 * * * *", "2024-01-01T10:45:00Z", "2024-01-01T11:05:00Z")]
    [InlineData("1-10/3 * * * *", "2024-01-01T10:07:00Z", "2024-01-01T10:10:00Z")]
    [InlineData("1-10/3 * * * *", "2024-01-01T10:10:00Z", "2024-01-01T11:01:00Z")]
    [InlineData("*/15 9-17/4 * * *", "2024-01-01T13:50:00Z", "2024-01-01T17:00:00Z")]
    [InlineData("0 0 * */5 *", "2024-02-01T00:00:00Z", "2024-06-01T00:00:00Z")]
    // Descriptors.
    [InlineData("@yearly", "2024-05-05T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("@annually", "2024-05-05T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("@monthly", "2024-05-05T00:00:00Z", "2024-06-01T00:00:00Z")]
    [InlineData("@weekly", "2024-09-26T00:00:00Z", "2024-09-29T00:00:00Z")]
    [InlineData("@daily", "2024-09-26T10:00:00Z", "2024-09-27T00:00:00Z")]
    [InlineData("@midnight", "2024-09-26T00:00:00Z", "2024-09-27T00:00:00Z")]
    [InlineData("@hourly", "2024-09-26T10:00:00Z", "2024-09-26T11:00:00Z")]
    // @every: a fixed delay after the given time rounded down to the second.
    [InlineData("@every 90s", "2024-09-26T10:00:00.7Z", "2024-09-26T10:01:30Z")]
    [InlineData("@every 500ms", "2024-09-26T10:00:00Z", "2024-09-26T10:00:01Z")]
    [InlineData("@every 1h30m", "2024-09-26T23:00:00Z", "2024-09-27T00:30:00Z")]
    public void FindsTheNextRunInUtc(string schedule, string after, string expected) =>
        Assert.Equal(Time(expected), CronSchedule.Parse(schedule).Next(Time(after)));

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    [InlineData("0,,0 0 31 2 *")]
    public void ReturnsNullWhenTheScheduleNeverFires(string schedule) =>
        Assert.Null(CronSchedule.Parse(schedule).Next(Time("2024-01-01T00:00:00Z")));

    [Theory]
    // Daylight time: 09:00 local is 13:00 UTC.
    [InlineData("0 9 * * *", "2025-03-08T15:00:00Z", "2025-03-09T09:00:00-04:00")]
    // Spring forward: 02:30 does not exist on 2025-03-09, so that day's run is skipped.
    [InlineData("30 2 * * *", "2025-03-08T08:00:00Z", "2025-03-10T02:30:00-04:00")]
    // Hourly across the gap: 01:00 EST, then 03:00 EDT.
    [InlineData("0 * * * *", "2025-03-09T06:30:00Z", "2025-03-09T03:00:00-04:00")]
    // Fall back: 01:30 happens twice on 2025-11-02, and runs twice.
    [InlineData("30 1 * * *", "2025-11-02T05:00:00Z", "2025-11-02T01:30:00-04:00")]
    [InlineData("30 1 * * *", "2025-11-02T05:30:00Z", "2025-11-02T01:30:00-05:00")]
    [InlineData("30 1 * * *", "2025-11-02T06:30:00Z", "2025-11-03T01:30:00-05:00")]
    // After the repeated hour, 02:00 comes once.
    [InlineData("0 2 * * *", "2025-11-02T06:30:00Z", "2025-11-02T02:00:00-05:00")]
    public void FollowsRobfigAcrossDaylightSavingChanges(string schedule, string after, string expected)
    {
        var next = CronSchedule.Parse(schedule).Next(Time(after), Eastern);
        Assert.Equal(Time(expected), next);
        Assert.Equal(Time(expected).Offset, next!.Value.Offset);
    }

    [Fact]
    public void LandsOnTheFirstHourOfADayWhoseMidnightIsSkipped()
    {
        // On Sunday 2024-11-03 the clocks go from 00:00 (UTC-3) straight to 01:00 (UTC-2).
        var next = CronSchedule.Parse("0 * * * 0").Next(Time("2024-11-02T12:00:00-03:00"), MidnightGap);
        Assert.Equal(Time("2024-11-03T01:00:00-02:00"), next);
    }

    [Fact]
    public void ReportsTheResultInTheRequestedZone()
    {
        var next = CronSchedule.Parse("0 9 * * *").Next(Time("2025-01-10T00:00:00Z"), Eastern);
        Assert.Equal(new DateTime(2025, 1, 10, 9, 0, 0), next!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(-5), next.Value.Offset);
    }

    [Fact]
    public void UsesUtcWithoutAZone()
    {
        var next = CronSchedule.Parse("0 9 * * *").Next(Time("2025-01-10T08:00:00+02:00"));
        Assert.Equal(Time("2025-01-10T09:00:00Z"), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
