namespace PSKube.Client.Transport;

/// <summary>
/// The API server's clock as its responses tell it (the HTTP Date header), so ages read against the server's time,
/// as the server's own tables do: a cluster whose clock differs from this machine's never reads <c>&lt;invalid&gt;</c>.
/// </summary>
public sealed class ServerClock
{
    // The Date header counts whole seconds, and a response takes a moment to arrive.
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(1);

    private long _offsetTicks;

    /// <summary>How far the server's clock is ahead of this machine's (negative when behind); zero until a response tells.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The server's time now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    /// <summary>
    /// Takes the server's <paramref name="serverDate"/> of a response received at <paramref name="localNow"/>. A local
    /// time within the header's second (plus latency) is the same clock, so ages stay as this machine computes them.
    /// </summary>
    public void Observe(DateTimeOffset serverDate, DateTimeOffset localNow)
    {
        var sameClock = localNow >= serverDate && localNow < serverDate + Resolution + Latency;
        // Otherwise the server's time is somewhere within its header's second: take the middle.
        var offset = sameClock ? TimeSpan.Zero : serverDate + Resolution / 2 - localNow;
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
    }

    /// <summary>
    /// Takes a time the server wrote into an object (its creation, its last write) seen at <paramref name="localNow"/>:
    /// the server's clock has reached it. A watch gets one Date header when it starts, hours before its later events,
    /// so this keeps the objects it brings from reading as made in the future.
    /// </summary>
    public void ObserveAtLeast(DateTimeOffset serverTime, DateTimeOffset localNow)
    {
        var least = (serverTime - localNow).Ticks;
        var current = Interlocked.Read(ref _offsetTicks);
        while (least > current)
        {
            var seen = Interlocked.CompareExchange(ref _offsetTicks, least, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
