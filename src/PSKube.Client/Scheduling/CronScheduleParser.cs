using System.Globalization;
using PSKube.Client.Validation;

namespace PSKube.Client.Scheduling;

/// <summary>
/// Parses schedules as the Kubernetes API server accepts them for a CronJob: robfig/cron v3
/// <c>ParseStandard</c> (five fields or a descriptor), minus any <c>TZ=</c>/<c>CRON_TZ=</c>
/// prefix, which CronJob validation rejects in favour of <c>spec.timeZone</c>.
/// </summary>
internal static class CronScheduleParser
{
    private const string Macros = "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>";

    public static CronSchedule Parse(string schedule)
    {
        if (schedule.Length == 0)
        {
            throw Fail(schedule, null, "empty spec string",
                "The cron schedule is empty. Give five fields (minute hour day-of-month month day-of-week), e.g. '*/5 * * * *', or a macro such as @daily.");
        }

        if (schedule.Contains("TZ", StringComparison.Ordinal))
        {
            throw Fail(schedule, null, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
                $"The cron schedule '{schedule}' contains a time zone (TZ= or CRON_TZ=), which Kubernetes rejects. Remove it and set the CronJob's timeZone field instead.");
        }

        if (schedule.StartsWith('@'))
        {
            return ParseDescriptor(schedule);
        }

        var fields = schedule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronField.All.Count)
        {
            var hint = fields.Length == 6 ? " Kubernetes does not support a seconds field." : string.Empty;
            throw Fail(schedule, null,
                $"expected exactly 5 fields, found {fields.Length}: [{string.Join(" ", fields)}]",
                $"The cron schedule '{schedule}' has {fields.Length} field(s) but needs exactly 5: minute hour day-of-month month day-of-week (e.g. '30 2 * * MON-FRI'), or a macro such as @daily.{hint}");
        }

        var parsed = new ParsedField[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            parsed[i] = ParseField(schedule, CronField.All[i], fields[i]);
        }

        return new CronSchedule(
            schedule,
            parsed[0].Bits,
            parsed[1].Bits,
            parsed[2].Bits,
            parsed[3].Bits,
            parsed[4].Bits,
            dayOfMonthIsWildcard: parsed[2].IsWildcard,
            dayOfWeekIsWildcard: parsed[4].IsWildcard);
    }

    private static CronSchedule ParseDescriptor(string schedule)
    {
        const ulong minuteZero = 1UL << 0;
        const ulong midnight = 1UL << 0;
        const ulong firstDay = 1UL << 1;
        const ulong january = 1UL << 1;
        const ulong sunday = 1UL << 0;
        var anyHour = AllBits(CronField.Hour);
        var anyDay = AllBits(CronField.DayOfMonth);
        var anyMonth = AllBits(CronField.Month);
        var anyWeekday = AllBits(CronField.DayOfWeek);

        // Same bit patterns as robfig's descriptors, including which day field counts as "*".
        switch (schedule)
        {
            case "@yearly" or "@annually":
                return new CronSchedule(schedule, minuteZero, midnight, firstDay, january, anyWeekday, dayOfMonthIsWildcard: false, dayOfWeekIsWildcard: true);
            case "@monthly":
                return new CronSchedule(schedule, minuteZero, midnight, firstDay, anyMonth, anyWeekday, dayOfMonthIsWildcard: false, dayOfWeekIsWildcard: true);
            case "@weekly":
                return new CronSchedule(schedule, minuteZero, midnight, anyDay, anyMonth, sunday, dayOfMonthIsWildcard: true, dayOfWeekIsWildcard: false);
            case "@daily" or "@midnight":
                return new CronSchedule(schedule, minuteZero, midnight, anyDay, anyMonth, anyWeekday, dayOfMonthIsWildcard: true, dayOfWeekIsWildcard: true);
            case "@hourly":
                return new CronSchedule(schedule, minuteZero, anyHour, anyDay, anyMonth, anyWeekday, dayOfMonthIsWildcard: true, dayOfWeekIsWildcard: true);
        }

        const string every = "@every ";
        if (!schedule.StartsWith(every, StringComparison.Ordinal))
        {
            throw Fail(schedule, null, $"unrecognized descriptor: {schedule}",
                $"'{schedule}' is not a cron macro Kubernetes knows. Use {Macros} (lower case), or five fields.");
        }

        var durationText = schedule[every.Length..];
        if (!GoDuration.TryParse(durationText, out var nanoseconds, out var durationError))
        {
            throw Fail(schedule, null, $"failed to parse duration {schedule}: {durationError}",
                $"In '{schedule}', '{durationText}' is not a duration. Write it like 90s, 5m, 1h30m or 2.5h (units ns, us, ms, s, m, h).");
        }

        return CronSchedule.Every(schedule, TimeSpan.FromTicks(nanoseconds / 100));
    }

    // field = range ("," range)*   range = ("*" | "?" | value ["-" value]) ["/" step]
    private static ParsedField ParseField(string schedule, CronField field, string text)
    {
        var result = new ParsedField(0, false);
        foreach (var range in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = ParseRange(schedule, field, text, range);
            result = new ParsedField(result.Bits | parsed.Bits, result.IsWildcard || parsed.IsWildcard);
        }

        return result;
    }

    private static ParsedField ParseRange(string schedule, CronField field, string fieldText, string range)
    {
        var rangeAndStep = range.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        long start, end;
        var isWildcard = false;

        // robfig ignores anything after "*-": "*-5" means "*".
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, isWildcard) = (field.Min, field.Max, true);
        }
        else
        {
            start = ParseValue(schedule, field, fieldText, lowAndHigh[0]);
            end = lowAndHigh.Length switch
            {
                1 => start,
                2 => ParseValue(schedule, field, fieldText, lowAndHigh[1]),
                _ => throw Fail(schedule, field, $"too many hyphens: {range}",
                    Describe(schedule, field, fieldText, $"has more than one '-' in '{range}'; a range is written low-high")),
            };
        }

        long step = 1;
        switch (rangeAndStep.Length)
        {
            case 1:
                break;
            case 2:
                step = ParseNumber(schedule, field, fieldText, rangeAndStep[1]);

                // "N/step" means from N to the field's maximum.
                if (lowAndHigh.Length == 1)
                {
                    end = field.Max;
                }

                // A stepped wildcard restricts the field, which matters for the day-of-month/day-of-week rule.
                if (step > 1)
                {
                    isWildcard = false;
                }

                break;
            default:
                throw Fail(schedule, field, $"too many slashes: {range}",
                    Describe(schedule, field, fieldText, $"has more than one '/' in '{range}'; a step is written range/step"));
        }

        if (start < field.Min)
        {
            throw Fail(schedule, field, $"beginning of range ({start}) below minimum ({field.Min}): {range}", OutOfRange(schedule, field, fieldText, start));
        }

        if (end > field.Max)
        {
            throw Fail(schedule, field, $"end of range ({end}) above maximum ({field.Max}): {range}", OutOfRange(schedule, field, fieldText, end));
        }

        if (start > end)
        {
            throw Fail(schedule, field, $"beginning of range ({start}) beyond end of range ({end}): {range}",
                Describe(schedule, field, fieldText, $"has the range '{range}', whose start {start} is after its end {end}"));
        }

        if (step == 0)
        {
            throw Fail(schedule, field, $"step of range should be a positive number: {range}",
                Describe(schedule, field, fieldText, $"has a step of 0 in '{range}'; steps must be 1 or more"));
        }

        var bits = 0UL;
        for (var value = (ulong)start; value <= (ulong)end; value += (ulong)step)
        {
            bits |= 1UL << (int)value;
        }

        return new ParsedField(bits, isWildcard);
    }

    private static long ParseValue(string schedule, CronField field, string fieldText, string text) =>
        field.Names is not null && field.Names.TryGetValue(text, out var named)
            ? named
            : ParseNumber(schedule, field, fieldText, text);

    // Go's strconv.Atoi: optional sign, ASCII digits, within int64.
    private static long ParseNumber(string schedule, CronField field, string fieldText, string text)
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        var names = field.Names is null ? "a number" : "a number or a name";
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw Fail(schedule, field, $"failed to parse int from {text}: strconv.Atoi: parsing {ApiErrorText.Quote(text)}: invalid syntax",
                Describe(schedule, field, fieldText, $"contains '{text}', which is not {names}"));
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw Fail(schedule, field, $"failed to parse int from {text}: strconv.Atoi: parsing {ApiErrorText.Quote(text)}: value out of range",
                Describe(schedule, field, fieldText, $"contains '{text}', which is far too large"));
        }

        if (number < 0)
        {
            throw Fail(schedule, field, $"negative number ({number}) not allowed: {text}",
                Describe(schedule, field, fieldText, $"contains the negative number {number}"));
        }

        return number;
    }

    private static string OutOfRange(string schedule, CronField field, string fieldText, long value)
    {
        var sundayHint = field == CronField.DayOfWeek && value == 7 ? "; use 0 or SUN for Sunday" : string.Empty;
        return Describe(schedule, field, fieldText, $"contains {value}, outside the allowed {field.Min}-{field.Max}{sundayHint}");
    }

    private static string Describe(string schedule, CronField field, string fieldText, string problem) =>
        $"The cron schedule '{schedule}' is invalid: the {field.Name} field '{fieldText}' {problem}. Allowed: {field.Allowed}, '*', ranges (1-5), lists (1,3) and steps (*/15).";

    private static ulong AllBits(CronField field)
    {
        var bits = 0UL;
        for (var value = field.Min; value <= field.Max; value++)
        {
            bits |= 1UL << value;
        }

        return bits;
    }

    private static CronScheduleException Fail(string schedule, CronField? field, string apiServerMessage, string message) =>
        new(message, schedule, field?.Name, apiServerMessage);

    private readonly record struct ParsedField(ulong Bits, bool IsWildcard);
}
