namespace PSKube.Client.PortForwarding;

/// <summary>Where forwarded connections go: a container port of one pod.</summary>
public sealed record PortForwardEndpoint(string Namespace, string Pod, int RemotePort);
