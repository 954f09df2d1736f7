using System.Collections.Concurrent;

namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>
/// The container logs of one fake cluster's node, by container ID, as the kubelet keeps them on disk. The kubelet
/// writes them and the pods/log handler reads them (FakeClusterServices holds the cluster's book).
/// </summary>
public sealed class ContainerLogBook
{
    private readonly ConcurrentDictionary<string, ContainerLog> _logs = new(StringComparer.Ordinal);

    /// <summary>Starts the log of a new container instance.</summary>
    public ContainerLog Open(string containerId) => _logs.GetOrAdd(containerId, _ => new ContainerLog());

    public ContainerLog? Find(string containerId) => _logs.GetValueOrDefault(containerId);

    /// <summary>Ends and forgets the logs of containers that are gone with their pod.</summary>
    public void Remove(IEnumerable<string> containerIds)
    {
        foreach (var id in containerIds)
        {
            if (_logs.TryRemove(id, out var log))
            {
                log.End();
            }
        }
    }
}
