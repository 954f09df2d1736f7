using System.Net;
using PSKube.Client.Transport;

namespace PSKube.Client.Logs;

/// <summary>
/// One item of a merged log: a line, a pod joining or leaving, or a failure of one pod or container. Everything
/// comes in one stream so a consumer that must write from one thread (a cmdlet) needs no callbacks.
/// </summary>
public sealed record KubeLogEvent(KubeLogEventKind Kind, string Namespace, string Pod, string? Container, KubeLogRecord? Record, Exception? Error)
{
    /// <summary>For a Failed event, why (from the server's refusal where there is one); null for the other kinds.</summary>
    public KubeLogFailure? Failure { get; init; }

    /// <summary>For a ContainerDefaulted event, kubectl's words for it; null for the other kinds.</summary>
    public string? Notice { get; init; }

    public override string ToString() => Kind switch
    {
        KubeLogEventKind.Line => Record!.ToString(),
        KubeLogEventKind.Joined => $"+ pod/{Pod}",
        KubeLogEventKind.Left => $"- pod/{Pod}",
        KubeLogEventKind.ContainerDefaulted => Notice!,
        _ => $"! pod/{Pod}{(Container is null ? "" : "/" + Container)}: {Error?.Message}",
    };

    internal static KubeLogEvent Line(KubeLogRecord record) =>
        new(KubeLogEventKind.Line, record.Namespace, record.Pod, record.Container, record, null);

    internal static KubeLogEvent Joined(string @namespace, string pod) => new(KubeLogEventKind.Joined, @namespace, pod, null, null, null);

    internal static KubeLogEvent Left(string @namespace, string pod) => new(KubeLogEventKind.Left, @namespace, pod, null, null, null);

    internal static KubeLogEvent Defaulted(string @namespace, string pod, string notice) =>
        new(KubeLogEventKind.ContainerDefaulted, @namespace, pod, null, null, null) { Notice = notice };

    internal static KubeLogEvent Failed(string @namespace, string pod, string? container, Exception error) =>
        new(KubeLogEventKind.Failed, @namespace, pod, container, null, error) { Failure = Classify(error) };

    /// <summary>
    /// What went wrong, read from the refusal: the API server and kubelet say it only in the message of a 400 (the
    /// same words in a real cluster as in the fake one); the client's own container check uses the API server's words.
    /// </summary>
    private static KubeLogFailure Classify(Exception error) => error switch
    {
        KubeLogConcurrencyException => KubeLogFailure.TooManyStreams,
        KubeApiException { StatusCode: HttpStatusCode.NotFound } => KubeLogFailure.PodNotFound,
        KubeApiException { StatusCode: HttpStatusCode.BadRequest } or InvalidOperationException => error.Message switch
        {
            var message when message.Contains("is not valid for pod", StringComparison.Ordinal) => KubeLogFailure.ContainerNotFound,
            var message when message.StartsWith("previous terminated container", StringComparison.Ordinal) => KubeLogFailure.PreviousContainerNotFound,
            var message when message.Contains("is waiting to start", StringComparison.Ordinal)
                || message.Contains("does not have a host assigned", StringComparison.Ordinal) => KubeLogFailure.ContainerNotStarted,
            var message when message.EndsWith("is terminated", StringComparison.Ordinal) => KubeLogFailure.ContainerTerminated,
            _ => KubeLogFailure.Other,
        },
        IOException or HttpRequestException or KubeApiUnreachableException => KubeLogFailure.Disconnected,
        _ => KubeLogFailure.Other,
    };
}
