namespace PSKube.Client.Logs;

/// <summary>
/// One item of a merged log: a line, a pod joining or leaving, or a failure of one pod or container. Everything
/// comes in one stream so a consumer that must write from one thread (a cmdlet) needs no callbacks.
/// </summary>
public sealed record KubeLogEvent(KubeLogEventKind Kind, string Namespace, string Pod, string? Container, KubeLogRecord? Record, Exception? Error)
{
    public override string ToString() => Kind switch
    {
        KubeLogEventKind.Line => Record!.ToString(),
        KubeLogEventKind.Joined => $"+ pod/{Pod}",
        KubeLogEventKind.Left => $"- pod/{Pod}",
        _ => $"! pod/{Pod}{(Container is null ? "" : "/" + Container)}: {Error?.Message}",
    };

    internal static KubeLogEvent Line(KubeLogRecord record) =>
        new(KubeLogEventKind.Line, record.Namespace, record.Pod, record.Container, record, null);

    internal static KubeLogEvent Joined(string @namespace, string pod) => new(KubeLogEventKind.Joined, @namespace, pod, null, null, null);

    internal static KubeLogEvent Left(string @namespace, string pod) => new(KubeLogEventKind.Left, @namespace, pod, null, null, null);

    internal static KubeLogEvent Failed(string @namespace, string pod, string? container, Exception error) =>
        new(KubeLogEventKind.Failed, @namespace, pod, container, null, error);
}
