using System.Diagnostics;

namespace PSKube.FakeCluster;

/// <summary>
/// The cluster's clock. It starts at the real time and runs <see cref="Scale"/> times faster, so tests can see
/// grace periods, back-offs and cron schedules pass in moments; <see cref="Advance"/> jumps it forward.
/// </summary>
public sealed class FakeClock(double scale = 1)
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _offsetTicks;

    public double Scale { get; } = scale > 0 ? scale : throw new ArgumentOutOfRangeException(nameof(scale), "The time scale must be positive.");

    public DateTimeOffset Now =>
        _start + TimeSpan.FromTicks((long)(_elapsed.Elapsed.Ticks * Scale) + Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>How long to wait in real time for the given span of cluster time to pass.</summary>
    public TimeSpan RealTime(TimeSpan clusterTime) => TimeSpan.FromTicks((long)(clusterTime.Ticks / Scale));
}
