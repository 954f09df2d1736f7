using System.Collections.Concurrent;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The file systems of the node's containers, by container ID (a restarted container starts from its image again),
/// shared by the kubelet's main processes and the exec sessions (FakeClusterServices holds the cluster's book).
/// </summary>
public sealed class ContainerFileBook
{
    private readonly ConcurrentDictionary<string, ContainerFileSystem> _files = new(StringComparer.Ordinal);

    /// <summary>The container's file system, laid out from its image on first use.</summary>
    public ContainerFileSystem Open(string containerId, Func<ContainerFileSystem> create) => _files.GetOrAdd(containerId, _ => create());

    /// <summary>Forgets the file systems of containers that are gone.</summary>
    public void Remove(IEnumerable<string> containerIds)
    {
        foreach (var id in containerIds)
        {
            _files.TryRemove(id, out _);
        }
    }
}
