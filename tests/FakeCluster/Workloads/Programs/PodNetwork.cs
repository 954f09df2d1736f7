namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// The network namespace of one pod: its containers share it, so two of them cannot listen on the same port.
/// </summary>
public sealed class PodNetwork
{
    private readonly Dictionary<int, string> _listeners = [];

    /// <summary>Binds <paramref name="port"/> for a container; false when another container holds it.</summary>
    public bool TryListen(int port, string containerName)
    {
        if (_listeners.TryGetValue(port, out var holder))
        {
            return holder == containerName;
        }
        _listeners[port] = containerName;
        return true;
    }

    /// <summary>Releases every port of a container whose process ended.</summary>
    public void Release(string containerName)
    {
        foreach (var port in _listeners.Where(l => l.Value == containerName).Select(l => l.Key).ToList())
        {
            _listeners.Remove(port);
        }
    }
}
