namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>One line a container wrote to stdout, stamped with the cluster time the runtime received it.</summary>
public readonly record struct LogLine(DateTimeOffset Time, string Text);
