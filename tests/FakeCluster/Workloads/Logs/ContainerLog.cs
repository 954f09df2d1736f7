namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>
/// The log of one container instance (one container ID): the lines in order and whether the process has ended.
/// Readers that follow wait on <see cref="LogSnapshot.Changed"/>, completed at the next line or at the end.
/// </summary>
public sealed class ContainerLog
{
    private readonly object _gate = new();
    private readonly List<LogLine> _lines = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _ended;

    public void Append(DateTimeOffset time, string text)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }
            _lines.Add(new LogLine(time, text));
            signal = Renew();
        }
        signal.SetResult();
    }

    /// <summary>The process ended (or its pod is gone): no more lines, followers stop.</summary>
    public void End()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }
            _ended = true;
            signal = Renew();
        }
        signal.SetResult();
    }

    /// <summary>The lines from index <paramref name="from"/> on, whether the log has ended, and a task that completes at the next change.</summary>
    public LogSnapshot Read(int from)
    {
        lock (_gate)
        {
            var lines = from < _lines.Count ? _lines.GetRange(from, _lines.Count - from) : [];
            return new LogSnapshot(lines, _lines.Count, _ended, _changed.Task);
        }
    }

    private TaskCompletionSource Renew()
    {
        var previous = _changed;
        _changed = NewSignal();
        return previous;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
