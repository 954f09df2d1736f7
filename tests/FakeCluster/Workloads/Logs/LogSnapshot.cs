namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>What a log reader got at one moment: new lines, the total count so far, the end flag, and the next-change signal.</summary>
public sealed record LogSnapshot(IReadOnlyList<LogLine> Lines, int Count, bool Ended, Task Changed);
