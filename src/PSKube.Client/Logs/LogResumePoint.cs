namespace PSKube.Client.Logs;

/// <summary>
/// Where a followed stream got to, so a dropped one can continue without losing or repeating lines: the last
/// timestamp delivered and how many lines carried exactly that timestamp. The API server passes sinceTime to the
/// kubelet with whole seconds only, so a resumed stream starts at that second and the lines already seen are skipped.
/// </summary>
internal sealed class LogResumePoint
{
    private DateTimeOffset? _last;
    private int _deliveredAtLast;
    private int _skippedAtLast;
    private bool _resuming;

    /// <summary>Whether a line with this timestamp is new (and so to be delivered).</summary>
    public bool Accept(DateTimeOffset? time)
    {
        if (time is null)
        {
            return !_resuming;
        }
        if (_resuming)
        {
            if (time < _last || (time == _last && _skippedAtLast < _deliveredAtLast))
            {
                _skippedAtLast += time == _last ? 1 : 0;
                return false;
            }
            _resuming = false;
        }
        if (time == _last)
        {
            _deliveredAtLast++;
        }
        else
        {
            _last = time;
            _deliveredAtLast = 1;
        }
        return true;
    }

    /// <summary>Starts skipping what was delivered; the sinceTime to ask for, or null when nothing was delivered yet.</summary>
    public DateTimeOffset? Resume()
    {
        if (_last is not { } last)
        {
            return null;
        }
        _resuming = true;
        _skippedAtLast = 0;
        return new DateTimeOffset(last.UtcTicks - (last.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
