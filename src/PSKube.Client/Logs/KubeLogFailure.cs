namespace PSKube.Client.Logs;

/// <summary>Why a <see cref="KubeLogEventKind.Failed"/> event could not read a pod or container: a stable name for an error id.</summary>
public enum KubeLogFailure
{
    /// <summary>Anything else: see <see cref="KubeLogEvent.Error"/> (a refusal such as Forbidden is a <see cref="Transport.KubeApiException"/>).</summary>
    Other,

    /// <summary>The pod does not exist.</summary>
    PodNotFound,

    /// <summary>The pod has no container of that name.</summary>
    ContainerNotFound,

    /// <summary>The container has not started yet, so it has no log.</summary>
    ContainerNotStarted,

    /// <summary>The container has not restarted, so there is no previous instance whose log to read.</summary>
    PreviousContainerNotFound,

    /// <summary>The container ended and its log is gone.</summary>
    ContainerTerminated,

    /// <summary>Following this container would go beyond the concurrency limit.</summary>
    TooManyStreams,

    /// <summary>The connection broke and the stream could not be resumed.</summary>
    Disconnected,
}
