namespace PSKube.Client.Scheduling;

/// <summary>
/// A CronJob schedule as Kubernetes understands it (robfig/cron v3 standard syntax): five fields
/// <c>minute hour day-of-month month day-of-week</c> with <c>*</c>, <c>?</c>, ranges, lists,
/// steps and JAN-DEC / SUN-SAT names (any case), or one of the descriptors @yearly, @annually,
/// @monthly, @weekly, @daily, @midnight, @hourly and <c>@every &lt;duration&gt;</c>.
/// </summary>
/// <remarks>
/// <para>When both day-of-month and day-of-week are restricted, a day matches if either does
/// (<c>0 0 1 * MON</c> runs on the 1st and on Mondays); if either is <c>*</c> or <c>?</c> both must
/// match. A stepped wildcard such as <c>*/2</c> counts as restricted, as in robfig/cron.</para>
/// <para>Daylight saving time follows robfig/cron, which the CronJob controller uses: hours,
/// minutes and seconds advance in absolute time, so a run whose local time falls in a
/// spring-forward gap is skipped that day, and a run inside a repeated fall-back hour happens
/// twice (once per occurrence). Days and months advance in local calendar time.</para>
/// </remarks>
public sealed class CronSchedule
{
    // Searching further than this means the schedule can never fire (e.g. "0 0 30 2 *").
    private const int SearchYears = 5;

    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _daysOfMonth;
    private readonly ulong _months;
    private readonly ulong _daysOfWeek;
    private readonly bool _dayOfMonthIsWildcard;
    private readonly bool _dayOfWeekIsWildcard;
    private readonly TimeSpan? _interval;

    internal CronSchedule(
        string expression,
        ulong minutes,
        ulong hours,
        ulong daysOfMonth,
        ulong months,
        ulong daysOfWeek,
        bool dayOfMonthIsWildcard,
        bool dayOfWeekIsWildcard)
    {
        Expression = expression;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _dayOfMonthIsWildcard = dayOfMonthIsWildcard;
        _dayOfWeekIsWildcard = dayOfWeekIsWildcard;
    }

    private CronSchedule(string expression, TimeSpan interval)
    {
        Expression = expression;
        _interval = interval;
    }

    /// <summary>The schedule text as given.</summary>
    public string Expression { get; }

    /// <summary>For <c>@every</c> schedules, the interval (whole seconds, at least one); otherwise null.</summary>
    public TimeSpan? Interval => _interval;

    /// <summary>Parses a schedule the way the API server validates <c>spec.schedule</c> of a CronJob.</summary>
    /// <exception cref="CronScheduleException">The schedule would be rejected; the message says where and why.</exception>
    public static CronSchedule Parse(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return CronScheduleParser.Parse(schedule);
    }

    /// <summary>
    /// The first run time strictly after <paramref name="after"/>, evaluated in
    /// <paramref name="zone"/> (UTC when null, like a CronJob without <c>timeZone</c> on a
    /// controller running in UTC), or null when the schedule never fires within five years.
    /// The result carries the zone's offset at that instant.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        if (_interval is { } interval)
        {
            // @every runs a fixed delay after the given time, rounded down to the second.
            return TimeZoneInfo.ConvertTime(TruncateTo(after, TimeSpan.TicksPerSecond) + interval, zone);
        }

        if (after > DateTimeOffset.MaxValue.AddYears(-(SearchYears + 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, "The time is too close to DateTimeOffset.MaxValue to search for a run.");
        }

        return FindNext(after, zone);
    }

    /// <summary>The schedule text as given.</summary>
    public override string ToString() => Expression;

    internal static CronSchedule Every(string expression, TimeSpan duration)
    {
        // robfig/cron: at least one second, and only whole seconds.
        var interval = duration < TimeSpan.FromSeconds(1)
            ? TimeSpan.FromSeconds(1)
            : TimeSpan.FromTicks(duration.Ticks - (duration.Ticks % TimeSpan.TicksPerSecond));
        return new CronSchedule(expression, interval);
    }

    // The field-by-field search of robfig/cron's SpecSchedule.Next: find the first matching month,
    // then day, hour and minute; whenever a field rolls over, start again from the month.
    private DateTimeOffset? FindNext(DateTimeOffset after, TimeZoneInfo zone)
    {
        var t = InZone(TruncateTo(after, TimeSpan.TicksPerSecond).AddSeconds(1), zone);
        var yearLimit = t.Year + SearchYears;
        var moved = false;

        while (true)
        {
            if (t.Year > yearLimit)
            {
                return null;
            }

            if (!Has(_months, t.Month))
            {
                if (!moved)
                {
                    moved = true;
                    t = FromWallClock(new DateTime(t.Year, t.Month, 1), zone);
                }

                t = FromWallClock(t.DateTime.AddMonths(1), zone);
                continue; // a new month: check it from the top (also covers the year wrap)
            }

            if (!DayMatches(t))
            {
                if (!moved)
                {
                    moved = true;
                    t = FromWallClock(t.Date, zone);
                }

                t = NextMidnight(t, zone);
                continue;
            }

            if (!Has(_hours, t.Hour))
            {
                if (!moved)
                {
                    moved = true;
                    t = FromWallClock(t.Date.AddHours(t.Hour), zone);
                }

                t = InZone(t.AddHours(1), zone);
                continue;
            }

            if (!Has(_minutes, t.Minute))
            {
                if (!moved)
                {
                    moved = true;
                    t = TruncateTo(t, TimeSpan.TicksPerMinute);
                }

                t = InZone(t.AddMinutes(1), zone);
                continue;
            }

            // Standard schedules always fire at second 0.
            if (t.Second != 0)
            {
                if (!moved)
                {
                    moved = true;
                    t = TruncateTo(t, TimeSpan.TicksPerSecond);
                }

                t = InZone(t.AddSeconds(1), zone);
                continue;
            }

            return t;
        }
    }

    private bool DayMatches(DateTimeOffset t)
    {
        var dayOfMonthMatches = Has(_daysOfMonth, t.Day);
        var dayOfWeekMatches = Has(_daysOfWeek, (int)t.DayOfWeek);
        return _dayOfMonthIsWildcard || _dayOfWeekIsWildcard
            ? dayOfMonthMatches && dayOfWeekMatches
            : dayOfMonthMatches || dayOfWeekMatches;
    }

    // The next local midnight. Where midnight itself is skipped by a DST change the wall clock
    // lands on 23:xx or 01:xx; robfig then moves by whole hours to the hour nearest midnight.
    private static DateTimeOffset NextMidnight(DateTimeOffset t, TimeZoneInfo zone)
    {
        var next = FromWallClock(t.DateTime.AddDays(1), zone);
        return next.Hour switch
        {
            0 => next,
            > 12 => InZone(next.AddHours(24 - next.Hour), zone),
            _ => InZone(next.AddHours(-next.Hour), zone),
        };
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    private static DateTimeOffset TruncateTo(DateTimeOffset instant, long ticks) =>
        instant.AddTicks(-(instant.UtcTicks % ticks));

    // Resolves a local wall-clock time the way Go's time.Date does: take the offset in force at
    // that wall time read as UTC; if the result falls outside that offset's period, use the
    // offset of the result instead. Times in a gap or an overlap thus resolve deterministically.
    private static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var guess = zone.GetUtcOffset(new DateTimeOffset(unspecified, TimeSpan.Zero));
        var instant = new DateTimeOffset(unspecified - guess, TimeSpan.Zero);
        var actual = zone.GetUtcOffset(instant);
        if (actual != guess)
        {
            instant = new DateTimeOffset(unspecified - actual, TimeSpan.Zero);
        }

        return InZone(instant, zone);
    }
}
