using System.Globalization;

namespace PSKube.Client.Logs;

/// <summary>One line of one container's log, with where it came from and when the runtime received it.</summary>
public sealed record KubeLogRecord(string Namespace, string Pod, string Container, DateTimeOffset? Timestamp, string Message)
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"];

    public override string ToString() => $"{Pod}/{Container} {Message}";

    /// <summary>
    /// The line as kubectl logs prints it: the message alone, or after its RFC 3339 UTC timestamp (kubectl
    /// --timestamps; seven fraction digits at most, what .NET keeps, trailing zeros dropped as Go does).
    /// </summary>
    public string ToLine(bool withTimestamp) => withTimestamp && Timestamp is { } time
        ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + " " + Message
        : Message;

    /// <summary>
    /// Splits a line read with timestamps=true into its time and its text. The kubelet writes RFC 3339 with up to
    /// nine fraction digits; .NET keeps seven, so the last two are dropped. A line without a prefix keeps its text.
    /// </summary>
    public static (DateTimeOffset? Timestamp, string Message) SplitTimestamp(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 20)
        {
            return (null, line);
        }
        var stamp = line.AsSpan(0, space);
        var dot = stamp.IndexOf('.');
        string text;
        if (dot < 0)
        {
            text = stamp.ToString();
        }
        else
        {
            var digits = dot + 1;
            while (digits < stamp.Length && char.IsAsciiDigit(stamp[digits]))
            {
                digits++;
            }
            var kept = Math.Min(digits, dot + 8);
            text = string.Concat(stamp[..kept], stamp[digits..]);
        }
        return DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time)
            ? (time, line[(space + 1)..])
            : (null, line);
    }
}
