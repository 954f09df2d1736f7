using System.Globalization;

namespace PSKube.Client.PortForwarding;

/// <summary>
/// A port-forward of the session, as Get-KubePortForward shows it: which local address and port go to which pod and
/// container port, what was asked for (a pod, a service, a workload), and how it is doing.
/// </summary>
public sealed class PortForward
{
    internal PortForward(int id, string target, PortForwarder forwarder)
    {
        Id = id;
        Target = target;
        Forwarder = forwarder;
    }

    /// <summary>The session-wide number that Stop-KubePortForward -Id takes.</summary>
    public int Id { get; }

    /// <summary>What was forwarded to, as kubectl names it: pod/kuard, service/web, deployment/web.</summary>
    public string Target { get; }

    /// <summary>The pod's namespace.</summary>
    public string Namespace => Forwarder.Endpoint.Namespace;

    /// <summary>The pod connections go to now (for a service or workload, it changes when its pod goes away).</summary>
    public string Pod => Forwarder.Endpoint.Pod;

    public string LocalAddress => Forwarder.LocalEndPoint.Address.ToString();

    public int LocalPort => Forwarder.LocalEndPoint.Port;

    /// <summary>The container port connections reach (a service port is translated to its target port).</summary>
    public int RemotePort => Forwarder.Endpoint.RemotePort;

    public PortForwardState State => Forwarder.State;

    /// <summary>Connections accepted since the start.</summary>
    public long Connections => Forwarder.Connections;

    /// <summary>Connections being forwarded now.</summary>
    public int ActiveConnections => Forwarder.ActiveConnections;

    /// <summary>Why the forward failed, when it did.</summary>
    public string? Failure => Forwarder.Failure;

    public DateTimeOffset Started { get; } = DateTimeOffset.Now;

    /// <summary>The local end as host:port ([::1]:8080 for IPv6), what a browser or Invoke-WebRequest connects to.</summary>
    public string LocalEndPoint => Forwarder.LocalEndPoint.ToString();

    /// <summary>The running forward.</summary>
    public PortForwarder Forwarder { get; }

    public override string ToString() =>
        $"{LocalEndPoint} -> {Target} ({Pod}:{RemotePort.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>
/// The forwards running in this process (the PowerShell session), numbered from 1, until they are stopped; one that
/// failed on its own stays listed, with its reason, until it is stopped.
/// </summary>
public static class PortForwardRegistry
{
    private static readonly List<PortForward> Forwards = [];
    private static int _lastId;

    public static PortForward Add(PortForwarder forwarder, string target)
    {
        ArgumentNullException.ThrowIfNull(forwarder);
        lock (Forwards)
        {
            var forward = new PortForward(++_lastId, target, forwarder);
            Forwards.Add(forward);
            return forward;
        }
    }

    public static IReadOnlyList<PortForward> All
    {
        get
        {
            lock (Forwards)
            {
                return [.. Forwards];
            }
        }
    }

    /// <summary>Stops a forward (closing its listener and connections) and forgets it.</summary>
    public static async Task StopAsync(PortForward forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        await forward.Forwarder.DisposeAsync();
        lock (Forwards)
        {
            Forwards.Remove(forward);
        }
    }

    /// <summary>Stops every forward, as when the module is removed.</summary>
    public static Task StopAllAsync() => StopAllOf(All);

    /// <summary>Stops these forwards together (so all are closed within the time one takes).</summary>
    public static Task StopAllOf(IEnumerable<PortForward> forwards) => Task.WhenAll(forwards.Select(StopAsync));
}
