using System.Globalization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

/// <summary>
/// A span of time that reads as kubectl prints it (AGE, DURATION, LAST SCHEDULE: <c>45s</c>, <c>5m</c>, <c>3d4h</c>)
/// and sorts and compares as a span. PowerShell converts the other side of a comparison to this type, through
/// <see cref="Parse"/> for text (<c>Where-Object Age -gt '10m'</c>) and the conversion from <see cref="System.TimeSpan"/>
/// (<c>-lt (New-TimeSpan -Hours 1)</c>).
/// </summary>
public readonly struct KubeDuration : IComparable, IComparable<KubeDuration>, IEquatable<KubeDuration>
{
    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("y", TimeSpan.FromDays(365)),
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
    ];

    public KubeDuration(TimeSpan timeSpan) => TimeSpan = timeSpan;

    /// <summary>The span itself, for arithmetic in scripts (<c>$_.Age.TimeSpan.TotalMinutes</c>).</summary>
    public TimeSpan TimeSpan { get; }

    /// <summary>The span from <paramref name="since"/> to <paramref name="now"/>; null when the time is missing (kubectl's <c>&lt;unknown&gt;</c>).</summary>
    public static KubeDuration? Since(DateTimeOffset? since, DateTimeOffset now) =>
        HumanDuration.IsMissing(since) ? null : new KubeDuration(now - since!.Value);

    /// <summary>
    /// Reads kubectl's and Go's duration text (<c>10m</c>, <c>1h30m</c>, <c>2d</c>, <c>3d4h</c>, <c>1y10d</c>,
    /// <c>1.5h</c>, <c>500ms</c>) or .NET's TimeSpan text (<c>01:30:00</c>, <c>2.00:00:00</c>).
    /// </summary>
    public static KubeDuration Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration: write it as kubectl does (10m, 1h30m, 2d) or as a TimeSpan (01:30:00).");

    public static bool TryParse(string? text, out KubeDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        // A bare number would read as days as TimeSpan text: a unit or a colon says what is meant.
        if (TryParseUnits(trimmed, out var span) || (trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out span)))
        {
            duration = new KubeDuration(span);
            return true;
        }
        return false;
    }

    public static KubeDuration FromTimeSpan(TimeSpan timeSpan) => new(timeSpan);

    public TimeSpan ToTimeSpan() => TimeSpan;

    public static implicit operator KubeDuration(TimeSpan timeSpan) => new(timeSpan);

    public static explicit operator TimeSpan(KubeDuration duration) => duration.TimeSpan;

    /// <summary>kubectl's text: <c>5m</c>, <c>3d4h</c>; <c>&lt;invalid&gt;</c> more than a second below zero.</summary>
    public override string ToString() => HumanDuration.Format(TimeSpan);

    public int CompareTo(KubeDuration other) => TimeSpan.CompareTo(other.TimeSpan);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        KubeDuration other => CompareTo(other),
        TimeSpan other => TimeSpan.CompareTo(other),
        _ => throw new ArgumentException("A duration compares only with another duration or a TimeSpan.", nameof(obj)),
    };

    public bool Equals(KubeDuration other) => TimeSpan.Equals(other.TimeSpan);

    public override bool Equals(object? obj) => obj is KubeDuration other && Equals(other);

    public override int GetHashCode() => TimeSpan.GetHashCode();

    public static bool operator ==(KubeDuration left, KubeDuration right) => left.Equals(right);

    public static bool operator !=(KubeDuration left, KubeDuration right) => !left.Equals(right);

    public static bool operator <(KubeDuration left, KubeDuration right) => left.CompareTo(right) < 0;

    public static bool operator <=(KubeDuration left, KubeDuration right) => left.CompareTo(right) <= 0;

    public static bool operator >(KubeDuration left, KubeDuration right) => left.CompareTo(right) > 0;

    public static bool operator >=(KubeDuration left, KubeDuration right) => left.CompareTo(right) >= 0;

    // A sequence of number-unit pairs, optionally signed, as Go's time.ParseDuration reads them, plus kubectl's d and y.
    private static bool TryParseUnits(string text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        var negative = text[0] == '-';
        var rest = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        if (rest.SequenceEqual("0"))
        {
            return true;
        }
        if (rest.IsEmpty)
        {
            return false;
        }
        var ticks = 0m;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }
            if (numberLength == 0 || !decimal.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            rest = rest[numberLength..];
            var unit = UnitAt(rest);
            if (unit is null)
            {
                return false;
            }
            ticks += number * unit.Value.Length.Ticks;
            rest = rest[unit.Value.Unit.Length..];
        }
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }
        span = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }

    private static (string Unit, TimeSpan Length)? UnitAt(ReadOnlySpan<char> text)
    {
        foreach (var unit in Units)
        {
            if (text.StartsWith(unit.Unit, StringComparison.Ordinal))
            {
                return unit;
            }
        }
        return null;
    }
}
