namespace PSKube.FakeCluster.Streaming;

/// <summary>Ctrl-C typed on a terminal: the foreground program gets SIGINT.</summary>
public sealed class TerminalInterrupt() : Exception("interrupted");
