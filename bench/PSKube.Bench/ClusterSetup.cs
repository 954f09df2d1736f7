using System.Text.Json.Nodes;
using PSKube.Client;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Bench;

/// <summary>Fills a fake cluster with the pods a scenario needs and makes the changes a watch scenario receives, through PSKube's client.</summary>
public sealed class ClusterSetup : IDisposable
{
    private const int Parallelism = 8;
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;

    private readonly KubeSessionCache _sessions = new();
    private readonly KubeClient _client;

    public ClusterSetup(FakeClusterProcess cluster) => _client = _sessions.GetClient(cluster.KubeconfigPath);

    /// <summary>A pod that runs silently until it is deleted (the pause image).</summary>
    public static Container Idle => new() { Name = "pause", Image = "registry.k8s.io/pause:3.10" };

    /// <summary>A pod that writes one line per second of cluster time, forever.</summary>
    public static Container Pinging => new() { Name = "ping", Image = "busybox", Command = ["ping", "127.0.0.1"] };

    /// <summary>
    /// Creates <paramref name="count"/> pods named PREFIX-0... in <paramref name="namespace"/>, labelled app=PREFIX
    /// (those that exist already are kept), and waits until all run.
    /// </summary>
    public async Task CreateRunningPodsAsync(string @namespace, string prefix, int count, Func<Container> container, CancellationToken cancellationToken)
    {
        if (@namespace != "default")
        {
            await CreateUnlessExistsAsync(Namespaces, new Namespace { Metadata = new ObjectMeta { Name = @namespace } }, cancellationToken);
        }
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var pod = new Pod
            {
                Metadata = new ObjectMeta { Name = $"{prefix}-{i}", Namespace = @namespace, Labels = new() { ["app"] = prefix } },
                Spec = new PodSpec { Containers = [container()], TerminationGracePeriodSeconds = 0 },
            };
            await CreateUnlessExistsAsync(Pods, pod, token);
        });
        await WaitRunningAsync(@namespace, prefix, count, cancellationToken);
    }

    /// <summary>Changes an annotation of the pods PREFIX-0..PREFIX-(pods-1) <paramref name="changes"/> times in all, a few at once; each change is one MODIFIED event.</summary>
    public async Task ChangePodsAsync(string @namespace, string prefix, int pods, int changes, CancellationToken cancellationToken)
    {
        await Parallel.ForAsync(0, changes, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(pods, 4), CancellationToken = cancellationToken }, async (i, token) =>
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["bench/change"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } } };
            await _client.PatchAsync<Pod>(Pods, @namespace, $"{prefix}-{i % pods}", PatchKind.Merge, patch, null, token);
        });
    }

    public void Dispose() => _sessions.Dispose();

    private async Task CreateUnlessExistsAsync<T>(ResourceDefinition resource, T obj, CancellationToken cancellationToken)
        where T : KubeObject
    {
        try
        {
            await _client.CreateAsync(resource, obj, null, cancellationToken);
        }
        catch (KubeApiException e) when (e.IsConflict)
        {
            // Made by an earlier scenario on the same cluster.
        }
    }

    private async Task WaitRunningAsync(string @namespace, string prefix, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(count * 20);
        while (true)
        {
            var running = 0;
            await foreach (var pod in _client.ListAsync<Pod>(Pods, @namespace, new ListOptions { LabelSelector = $"app={prefix}" }, cancellationToken))
            {
                if (pod.Status == "Running")
                {
                    running++;
                }
            }
            if (running >= count)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {running} of {count} pods {prefix}-* in {@namespace} are running; the fake cluster may not hold that many (see --fake-arg)");
            }
            await Task.Delay(500, cancellationToken);
        }
    }
}
