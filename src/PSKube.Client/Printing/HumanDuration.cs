using System.Globalization;

namespace PSKube.Client.Printing;

/// <summary>
/// kubectl's short durations (AGE, "5 (3m ago)", a Job's DURATION): about two significant figures,
/// following apimachinery's HumanDuration so the text matches the real server's tables exactly.
/// </summary>
public static class HumanDuration
{
    /// <summary>The AGE text for a missing or zero timestamp.</summary>
    public const string Unknown = "<unknown>";

    /// <summary>The text for a duration more than a second in the future.</summary>
    public const string Invalid = "<invalid>";

    public static string Format(TimeSpan duration)
    {
        // Go converts with truncation toward zero; integer division on ticks does the same.
        var seconds = duration.Ticks / TimeSpan.TicksPerSecond;

        // A second of clock skew between machines still reads as "just now".
        if (seconds < -1)
        {
            return Invalid;
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text($"{seconds}s");
        }

        var minutes = duration.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            var remainingSeconds = seconds % 60;
            return remainingSeconds == 0 ? Text($"{minutes}m") : Text($"{minutes}m{remainingSeconds}s");
        }

        if (minutes < 3 * 60)
        {
            return Text($"{minutes}m");
        }

        var hours = duration.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            var remainingMinutes = minutes % 60;
            return remainingMinutes == 0 ? Text($"{hours}h") : Text($"{hours}h{remainingMinutes}m");
        }

        if (hours < 48)
        {
            return Text($"{hours}h");
        }

        var days = hours / 24;
        if (hours < 24 * 8)
        {
            var remainingHours = hours % 24;
            return remainingHours == 0 ? Text($"{days}d") : Text($"{days}d{remainingHours}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Text($"{days}d");
        }

        var years = days / 365;
        if (hours < 24 * 365 * 8)
        {
            var remainingDays = days % 365;
            return remainingDays == 0 ? Text($"{years}y") : Text($"{years}y{remainingDays}d");
        }

        return Text($"{years}y");
    }

    /// <summary>The time since <paramref name="timestamp"/>, or <c>&lt;unknown&gt;</c> when it is missing.</summary>
    public static string Age(DateTimeOffset? timestamp, DateTimeOffset now) =>
        IsMissing(timestamp) ? Unknown : Format(now - timestamp!.Value);

    // Go's zero time (0001-01-01T00:00:00Z) is how a missing timestamp reaches the printers.
    internal static bool IsMissing(DateTimeOffset? timestamp) => timestamp is null || timestamp.Value.UtcTicks == 0;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
