namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// What a simulated process asks of whoever runs it, one at a time: the interpreter runs synchronously between
/// effects, so the same script can be played on the kubelet's clock (a container's main process) or on real time
/// with a WebSocket's stdio (kubectl exec).
/// </summary>
public abstract class ShellEffect;

/// <summary>Bytes for stdout, or stderr when <see cref="Error"/>.</summary>
public sealed class ShellOutput(bool error, byte[] data) : ShellEffect
{
    public bool Error { get; } = error;

    public byte[] Data { get; } = data;
}

/// <summary>
/// Time passes: a sleep, or the moment a busy loop takes (<see cref="Busy"/>), so that a loop without sleep moves
/// the clock on and yields instead of spinning.
/// </summary>
public sealed class ShellPause(TimeSpan duration, bool busy) : ShellEffect
{
    public TimeSpan Duration { get; } = duration;

    public bool Busy { get; } = busy;
}

/// <summary>How a process reads its stdin.</summary>
public enum ShellReadMode
{
    /// <summary>Whatever text has arrived (a line on a terminal).</summary>
    Chunk,

    /// <summary>One line, without its newline.</summary>
    Line,

    /// <summary>Whatever bytes have arrived, undecoded (tar).</summary>
    Bytes,
}

/// <summary>A read from stdin; the runner fills in the result before the process goes on.</summary>
public sealed class ShellRead(ShellReadMode mode) : ShellEffect
{
    public ShellReadMode Mode { get; } = mode;

    /// <summary>The text read (Chunk and Line); null at the end of input.</summary>
    public string? Text { get; set; }

    /// <summary>The bytes read (Bytes); null at the end of input.</summary>
    public byte[]? Bytes { get; set; }

    /// <summary>Ctrl-C was typed on the terminal instead.</summary>
    public bool Interrupted { get; set; }
}
