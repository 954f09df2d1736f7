namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// The kubelet's crash-loop back-off for one container: the first restart is immediate, then the wait after a
/// crash starts at 10 s and doubles up to 5 minutes. A container that ran for 10 minutes starts over.
/// </summary>
public sealed class RestartBackOff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(5);

    // Twice the maximum, as the kubelet forgets back-off entries older than that.
    private static readonly TimeSpan ResetAfter = 2 * Maximum;

    private TimeSpan? _wait;

    /// <summary>How long after a crash the container must wait before it restarts.</summary>
    public TimeSpan Wait => _wait ?? TimeSpan.Zero;

    /// <summary>A restart happened: the next one waits longer.</summary>
    public void Restarted() =>
        _wait = _wait is { } wait ? TimeSpan.FromTicks(Math.Min((wait * 2).Ticks, Maximum.Ticks)) : Initial;

    /// <summary>Forgets the back-off when the instance that just ended had run long enough.</summary>
    public void Exited(TimeSpan ranFor)
    {
        if (ranFor >= ResetAfter)
        {
            _wait = null;
        }
    }
}
