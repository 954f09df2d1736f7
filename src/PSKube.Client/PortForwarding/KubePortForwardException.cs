namespace PSKube.Client.PortForwarding;

/// <summary>A port-forward cannot start: no pod to forward to, or a port that does not resolve. <see cref="Reason"/> is a stable name for it.</summary>
public sealed class KubePortForwardException(string reason, string message) : Exception(message)
{
    /// <summary>NoRunningPod, PodNotRunning, ServicePortNotFound, ContainerPortNotFound or NotForwardable.</summary>
    public string Reason { get; } = reason;
}
