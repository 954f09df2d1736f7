using PSKube.Client.Scheduling;

namespace PSKube.Client.Tests.Scheduling;

public class CronScheduleParseTests
{
    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/15 0-6 1,15 JAN-jun mon-FRI")]
    [InlineData("0 0 ? * ?")]
    [InlineData("5/10 * * * *")]
    [InlineData("1-10/2 * * * *")]
    [InlineData("0 0 * * 0")]
    [InlineData("0 0 * * SUN")]
    [InlineData("0,,30 * * * *")]
    [InlineData("  0\t12  *  *  *  ")]
    [InlineData("*-5 * * * *")]
    [InlineData("+5 * * * *")]
    [InlineData("@yearly")]
    [InlineData("@annually")]
    [InlineData("@monthly")]
    [InlineData("@weekly")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@hourly")]
    [InlineData("@every 1h30m")]
    public void AcceptsWhatKubernetesAccepts(string schedule)
    {
        var parsed = CronSchedule.Parse(schedule);
        Assert.Equal(schedule, parsed.Expression);
        Assert.Equal(schedule, parsed.ToString());
    }

    [Theory]
    [InlineData("", null, "empty spec string")]
    [InlineData("* * * *", null, "expected exactly 5 fields, found 4: [* * * *]")]
    [InlineData("0 * * * * *", null, "expected exactly 5 fields, found 6: [0 * * * * *]")]
    [InlineData("TZ=UTC 0 * * * *", null, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    [InlineData("CRON_TZ=Europe/Paris 0 * * * *", null, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    [InlineData("60 * * * *", "minute", "end of range (60) above maximum (59): 60")]
    [InlineData("* 24 * * *", "hour", "end of range (24) above maximum (23): 24")]
    [InlineData("* * 0 * *", "day-of-month", "beginning of range (0) below minimum (1): 0")]
    [InlineData("* * 32 * *", "day-of-month", "end of range (32) above maximum (31): 32")]
    [InlineData("* * * 0 *", "month", "beginning of range (0) below minimum (1): 0")]
    [InlineData("* * * 13 *", "month", "end of range (13) above maximum (12): 13")]
    [InlineData("* * * * 7", "day-of-week", "end of range (7) above maximum (6): 7")]
    [InlineData("* * * * 1-7", "day-of-week", "end of range (7) above maximum (6): 1-7")]
    [InlineData("* * * foo *", "month", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax")]
    [InlineData("* * * * monday", "day-of-week", "failed to parse int from monday: strconv.Atoi: parsing \"monday\": invalid syntax")]
    [InlineData("MON * * * *", "minute", "failed to parse int from MON: strconv.Atoi: parsing \"MON\": invalid syntax")]
    [InlineData("-5 * * * *", "minute", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("*/ * * * *", "minute", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax")]
    [InlineData("5-1 * * * *", "minute", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("*/0 * * * *", "minute", "step of range should be a positive number: */0")]
    [InlineData("1-2-3 * * * *", "minute", "too many hyphens: 1-2-3")]
    [InlineData("*/2/3 * * * *", "minute", "too many slashes: */2/3")]
    [InlineData("*/-1 * * * *", "minute", "negative number (-1) not allowed: -1")]
    [InlineData("99999999999999999999 * * * *", "minute", "failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
    [InlineData("0 0 * * 1,8", "day-of-week", "end of range (8) above maximum (6): 8")]
    [InlineData("@foo", null, "unrecognized descriptor: @foo")]
    [InlineData("@Daily", null, "unrecognized descriptor: @Daily")]
    [InlineData("@daily ", null, "unrecognized descriptor: @daily ")]
    [InlineData("@every 1d", null, "failed to parse duration @every 1d: time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("@every x", null, "failed to parse duration @every x: time: invalid duration \"x\"")]
    [InlineData("@every 10", null, "failed to parse duration @every 10: time: missing unit in duration \"10\"")]
    [InlineData("@every ", null, "failed to parse duration @every : time: invalid duration \"\"")]
    [InlineData("@every 9999999999h", null, "failed to parse duration @every 9999999999h: time: invalid duration \"9999999999h\"")]
    public void RejectsWithTheApiServerReasonAndTheField(string schedule, string? field, string apiServerMessage)
    {
        var exception = Assert.Throws<CronScheduleException>(() => CronSchedule.Parse(schedule));
        Assert.Equal(schedule, exception.Schedule);
        Assert.Equal(field, exception.Field);
        Assert.Equal(apiServerMessage, exception.ApiServerMessage);
    }

    [Theory]
    [InlineData("* * * * 7",
        "The cron schedule '* * * * 7' is invalid: the day-of-week field '7' contains 7, outside the allowed 0-6; use 0 or SUN for Sunday. Allowed: 0-6 or SUN-SAT (0 is Sunday), '*', ranges (1-5), lists (1,3) and steps (*/15).")]
    [InlineData("0 25 * * *",
        "The cron schedule '0 25 * * *' is invalid: the hour field '25' contains 25, outside the allowed 0-23. Allowed: 0-23, '*', ranges (1-5), lists (1,3) and steps (*/15).")]
    [InlineData("0 0 * smarch *",
        "The cron schedule '0 0 * smarch *' is invalid: the month field 'smarch' contains 'smarch', which is not a number or a name. Allowed: 1-12 or JAN-DEC, '*', ranges (1-5), lists (1,3) and steps (*/15).")]
    [InlineData("0 0 0 12 * *",
        "The cron schedule '0 0 0 12 * *' has 6 field(s) but needs exactly 5: minute hour day-of-month month day-of-week (e.g. '30 2 * * MON-FRI'), or a macro such as @daily. Kubernetes does not support a seconds field.")]
    [InlineData("TZ=Asia/Tokyo 0 9 * * *",
        "The cron schedule 'TZ=Asia/Tokyo 0 9 * * *' contains a time zone (TZ= or CRON_TZ=), which Kubernetes rejects. Remove it and set the CronJob's timeZone field instead.")]
    [InlineData("@every 1w",
        "In '@every 1w', '1w' is not a duration. Write it like 90s, 5m, 1h30m or 2.5h (units ns, us, ms, s, m, h).")]
    public void ExplainsWhatIsWrongWhereAndWhatIsAllowed(string schedule, string expected) =>
        Assert.Equal(expected, Assert.Throws<CronScheduleException>(() => CronSchedule.Parse(schedule)).Message);

    [Theory]
    [InlineData("@every 1h30m", 5400)]
    [InlineData("@every 90s", 90)]
    [InlineData("@every 1.5s", 1)]
    [InlineData("@every 2.5h", 9000)]
    [InlineData("@every 500ms", 1)]
    [InlineData("@every -5m", 1)]
    [InlineData("@every 0", 1)]
    [InlineData("@every 1m0.9s", 60)]
    [InlineData("@every 3600000000us", 3600)]
    public void EveryRoundsToWholeSecondsAndAtLeastOne(string schedule, int expectedSeconds)
    {
        var parsed = CronSchedule.Parse(schedule);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), parsed.Interval);
    }

    [Fact]
    public void StandardSchedulesHaveNoInterval() => Assert.Null(CronSchedule.Parse("@hourly").Interval);
}
