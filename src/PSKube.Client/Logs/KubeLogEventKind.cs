namespace PSKube.Client.Logs;

/// <summary>What a <see cref="KubeLogEvent"/> reports.</summary>
public enum KubeLogEventKind
{
    /// <summary>A log line (<see cref="KubeLogEvent.Record"/>).</summary>
    Line,

    /// <summary>A pod is now followed (stern prints <c>+ pod/NAME</c>).</summary>
    Joined,

    /// <summary>A pod is gone and no longer followed (stern prints <c>- pod/NAME</c>).</summary>
    Left,

    /// <summary>One pod or container could not be read (<see cref="KubeLogEvent.Error"/>); the others go on.</summary>
    Failed,

    /// <summary>
    /// No container was named and the pod has several: which one is read (<see cref="KubeLogEvent.Notice"/>, kubectl's
    /// <c>Defaulted container "a" out of: a, b</c>). Comes before the pod's lines.
    /// </summary>
    ContainerDefaulted,
}
