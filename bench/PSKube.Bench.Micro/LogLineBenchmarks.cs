using BenchmarkDotNet.Attributes;
using PSKube.Client.Logs;
using PSKube.Client.Models;

namespace PSKube.Bench.Micro;

/// <summary>
/// The client's work on every followed log line once the stream has given it: the timestamp prefix split off
/// (the kubelet's form and another RFC 3339 form), and the
/// line made into the record and event the follower writes out.
/// </summary>
[MemoryDiagnoser]
public class LogLineBenchmarks
{
    private const string KubeletLine = "2026-12-06T16:22:40.818694300Z 64 bytes from 127.0.0.1: seq=227 ttl=64 time=0.073 ms";
    private const string OffsetLine = "2026-12-06T18:22:40.8186943+02:00 64 bytes from 127.0.0.1: seq=227 ttl=64 time=0.073 ms";

    private readonly Pod _pod = new() { Metadata = new ObjectMeta { Name = "blog-0", Namespace = "bench-logs" } };

    [Benchmark(Baseline = true)]
    public DateTimeOffset? SplitKubeletTimestamp() => KubeLogRecord.SplitTimestamp(KubeletLine).Timestamp;

    [Benchmark]
    public DateTimeOffset? SplitOtherTimestamp() => KubeLogRecord.SplitTimestamp(OffsetLine).Timestamp;

    [Benchmark]
    public KubeLogEvent LineRecord() => LogFanIn.Record(_pod, "ping", KubeletLine);
}
