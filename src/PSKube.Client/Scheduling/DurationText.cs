using System.Globalization;

namespace PSKube.Client.Scheduling;

/// <summary>
/// Durations as users type them for -Timeout and the like: seconds (<c>30</c>, <c>2.5</c>), a kubectl duration
/// (<c>90s</c>, <c>5m</c>, <c>1h30m</c>) or a TimeSpan (<c>00:01:30</c>).
/// </summary>
public static class DurationText
{
    /// <exception cref="FormatException">Not a duration, or a negative one; the message says what to write instead.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        TimeSpan duration;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
        }
        else if (GoDuration.TryParse(trimmed, out var nanoseconds, out _))
        {
            duration = TimeSpan.FromTicks(nanoseconds / 100);
        }
        else if (!TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration))
        {
            throw new FormatException($"\"{text}\" is not a duration: write seconds (30), a duration such as 90s, 5m or 1h30m, or a TimeSpan such as 00:01:30.");
        }
        return duration >= TimeSpan.Zero
            ? duration
            : throw new FormatException($"\"{text}\" is negative: a duration must be zero or more.");
    }
}
