using System.Globalization;

namespace PSKube.Client.Logs;

/// <summary>What to read of one container's log: the query of GET pods/NAME/log.</summary>
public sealed record PodLogOptions
{
    /// <summary>The container; null lets the API server choose (it does only when the pod has one container).</summary>
    public string? Container { get; init; }

    /// <summary>Keep the stream open and deliver lines as the container writes them.</summary>
    public bool Follow { get; init; }

    /// <summary>The log of the previous (last terminated) instance of the container.</summary>
    public bool Previous { get; init; }

    /// <summary>Only the last this many lines; null for all of them.</summary>
    public long? TailLines { get; init; }

    /// <summary>Only lines newer than this (relative to now); exclusive with <see cref="SinceTime"/>.</summary>
    public TimeSpan? Since { get; init; }

    /// <summary>Only lines from this time on; exclusive with <see cref="Since"/>.</summary>
    public DateTimeOffset? SinceTime { get; init; }

    /// <summary>Prefix each line with the time the runtime received it (RFC 3339, nanoseconds).</summary>
    public bool Timestamps { get; init; }

    /// <summary>Stop after this many bytes (the last line may be cut); null for no limit.</summary>
    public long? LimitBytes { get; init; }

    /// <summary>Rejects values the API server would refuse, with what to change, before any request.</summary>
    internal void Validate()
    {
        if (Since is not null && SinceTime is not null)
        {
            throw new ArgumentException("Since and SinceTime cannot both be given: use one of them.");
        }
        if (Since is { } since && since <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Since must be a positive time span, not {since}.");
        }
        if (TailLines is < 0)
        {
            throw new ArgumentException($"TailLines must be 0 or more, not {TailLines}; leave it out to read every line.");
        }
        if (LimitBytes is < 1)
        {
            throw new ArgumentException($"LimitBytes must be 1 or more, not {LimitBytes}; leave it out for no limit.");
        }
        if (Container is { Length: 0 })
        {
            throw new ArgumentException("Container cannot be an empty string; leave it out to let the server choose.");
        }
    }

    /// <summary>The query parameters, as kubectl sends them (sinceSeconds rounded up to whole seconds).</summary>
    internal IEnumerable<(string Name, string? Value)> Query()
    {
        yield return ("container", Container);
        yield return ("follow", Follow ? "true" : null);
        yield return ("limitBytes", LimitBytes?.ToString(CultureInfo.InvariantCulture));
        yield return ("previous", Previous ? "true" : null);
        yield return ("sinceSeconds", Since is { } since ? ((long)Math.Ceiling(since.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null);
        yield return ("sinceTime", SinceTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        yield return ("tailLines", TailLines?.ToString(CultureInfo.InvariantCulture));
        yield return ("timestamps", Timestamps ? "true" : null);
    }
}
