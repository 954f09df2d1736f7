using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Patching;
using PSKube.FakeCluster.Streaming;
using PSKube.FakeCluster.Workloads.Logs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// The simulated kubelet of the cluster's node(s): it runs the pods bound to a node, with container programs
/// chosen by image and command, reports their status, records its events, keeps the container logs, and finishes
/// the deletion of a pod once its containers have stopped.
/// </summary>
public sealed class SimulatedKubelet(ContainerLogBook logs, ContainerFileBook files, ResourceUsageBook usage) : IReconciler
{
    private const string Manager = "kubelet";
    private const string FallbackHostIp = "172.18.0.2";
    private const long BusyNanoCores = 1_000_000_000;
    private const long IdleNanoCores = 100_000;

    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly PodAddresses _addresses = new();
    private readonly NodeImages _images = new();

    public void Reconcile(ReconcileContext context)
    {
        var pods = context.Resource("pods");
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, pod) in context.Store.List(pods, null, p => !string.IsNullOrEmpty((string?)p["spec"]?["nodeName"])))
        {
            var uid = (string?)pod["metadata"]?["uid"] ?? "";
            live.Add(uid);
            if (!_pods.TryGetValue(uid, out var runtime))
            {
                runtime = new PodRuntime(pod, _addresses.Allocate(), HostIp(context, (string)pod["spec"]!["nodeName"]!), context.Now);
                _pods[uid] = runtime;
            }
            runtime.Sync(context.Now, new PodSync(pod, context, logs, files, _images, runtime.Network, runtime.PodIP));
            usage.Report(uid, Usage(pod, runtime, context.Now));
            var written = WriteStatus(context, pods, pod, runtime);
            if (runtime.ReadyToRemove && written["metadata"]?["finalizers"] is not JsonArray { Count: > 0 })
            {
                context.Store.Remove(pods, (string?)pod["metadata"]!["namespace"], (string)pod["metadata"]!["name"]!);
                Forget(uid, logs);
            }
        }
        foreach (var gone in _pods.Keys.Where(uid => !live.Contains(uid)).ToList())
        {
            Forget(gone, logs);
        }
    }

    private static JsonObject WriteStatus(ReconcileContext context, ResourceDefinition pods, JsonObject pod, PodRuntime runtime)
    {
        var status = PodStatusBuilder.Build(runtime, pod["status"] as JsonObject, context.Now);
        if (JsonNode.DeepEquals(pod["status"], status))
        {
            return pod;
        }
        var updated = pod.DeepClone().AsObject();
        updated["status"] = status;
        updated = ManagedFields.RecordUpdate(pod, updated, Manager, "v1", context.Now, "status");
        return context.Store.Replace(pods, updated);
    }

    /// <summary>The pod is gone: its logs end (followers stop) and its address is free again.</summary>
    private void Forget(string uid, ContainerLogBook logs)
    {
        usage.Forget(uid);
        if (_pods.Remove(uid, out var runtime))
        {
            logs.Remove(runtime.ContainerIds);
            files.Remove(runtime.ContainerIds);
            _addresses.Release(runtime.PodIP);
        }
    }

    /// <summary>
    /// The running containers' usage: a program that waits (sleep, a server between requests) uses a tenth of a
    /// millicore, a busy loop a whole core; memory is what the program needs.
    /// </summary>
    private static ResourceUsageBook.PodUsage Usage(JsonObject pod, PodRuntime runtime, DateTimeOffset now)
    {
        var containers = runtime.Containers
            .Where(c => c.Current is { Running: true })
            .Select(c => new ResourceUsageBook.ContainerUsage(c.Name, c.Current!.Context.Busy ? BusyNanoCores : IdleNanoCores, c.Current.Program.MemoryBytes))
            .ToList();
        return new ResourceUsageBook.PodUsage((string?)pod["metadata"]?["namespace"] ?? "", (string?)pod["metadata"]?["name"] ?? "",
            (string?)pod["spec"]?["nodeName"] ?? "", now, containers);
    }

    private static string HostIp(ReconcileContext context, string nodeName)
    {
        var node = context.Store.Get(context.Resource("nodes"), null, nodeName);
        return (node?["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>()
            .Where(a => (string?)a["type"] == "InternalIP")
            .Select(a => (string?)a["address"])
            .FirstOrDefault() ?? FallbackHostIp;
    }
}
