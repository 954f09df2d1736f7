namespace PSKube.Client.PortForwarding;

/// <summary>What a forward reports as it runs, for a foreground caller to show (kubectl's "Handling connection for ...").</summary>
public sealed record PortForwardNotice(PortForwardNoticeKind Kind, string Message);

public enum PortForwardNoticeKind
{
    /// <summary>A local connection was accepted and is being forwarded.</summary>
    Connection,

    /// <summary>One connection failed (the remote port refused it, or the stream could not be opened); the forward goes on.</summary>
    ConnectionError,

    /// <summary>The pod went away and the forward moved to another pod of the same service or workload.</summary>
    Retargeted,

    /// <summary>The forward stopped because its pod went away and nothing could replace it.</summary>
    Failed,
}

/// <summary>Whether a forward is listening.</summary>
public enum PortForwardState
{
    Running,
    Stopped,
    Failed,
}
