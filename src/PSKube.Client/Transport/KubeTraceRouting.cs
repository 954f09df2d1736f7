namespace PSKube.Client.Transport;

/// <summary>
/// Sends the transport's trace lines (<see cref="KubeClientOptions.Trace"/>) to whoever started the operation, across
/// its async continuations: one connection serves a whole session, but each command shows only its own requests.
/// </summary>
public static class KubeTraceRouting
{
    private static readonly AsyncLocal<Action<string>?> Sink = new();

    /// <summary>The trace callback to give <see cref="KubeClientOptions.Trace"/>: forwards to the current flow's sink, if any.</summary>
    public static void Write(string line) => Sink.Value?.Invoke(line);

    /// <summary>Routes the trace of operations started until the result is disposed (and their continuations) to <paramref name="sink"/>.</summary>
    public static IDisposable To(Action<string> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Restore(previous);
    }

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }
}
