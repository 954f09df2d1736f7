using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Patching;
using PSKube.FakeCluster.Streaming;
using PSKube.FakeCluster.Workloads.Logs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// The simulated kubelets of the cluster's nodes: they run the pods bound to their node, with container programs
/// chosen by image and command, give each pod an IP from its node's podCIDR, report their status, record their
/// events, keep the container logs, and finish the deletion of a pod once its containers have stopped. Each pod is
/// looked at when it changes or when its next container change is due on the cluster clock, never otherwise.
/// </summary>
public sealed class SimulatedKubelet(ContainerLogBook logs, ContainerFileBook files, ResourceUsageBook usage) : KeyedReconciler
{
    private const string Manager = "kubelet";
    private const string FallbackHostIp = "172.18.0.2";
    private const long BusyNanoCores = 1_000_000_000;
    private const long IdleNanoCores = 100_000;

    // How long a pod without an address waits before its sandbox is tried again.
    private static readonly TimeSpan SandboxRetry = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _uids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Node, bool Released)> _addressOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodAddresses> _nodeAddresses = new(StringComparer.Ordinal);
    private readonly NodeImages _images = new();

    public override void Notice(WatchEvent change)
    {
        if (change.Resource.Kind == "Pod" &&
            (!string.IsNullOrEmpty((string?)change.Object["spec"]?["nodeName"]) || _uids.ContainsKey(KeyOf(change.Object))))
        {
            Queue.Add(KeyOf(change.Object));
        }
    }

    protected override void ReconcileKey(ReconcileContext context, string key)
    {
        var pods = context.Resource("pods");
        var (ns, name) = SplitKey(key);
        var pod = context.Store.Get(pods, ns, name);
        var uid = (string?)pod?["metadata"]?["uid"] ?? "";
        if (_uids.TryGetValue(key, out var knownUid) && knownUid != uid)
        {
            Forget(key);
        }
        if (pod is null || string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]))
        {
            return;
        }
        if (!_pods.TryGetValue(key, out var runtime))
        {
            if (TakeOn(context, key, pod) is not { } taken)
            {
                return;
            }
            runtime = taken;
        }
        runtime.Sync(context.Now, new PodSync(pod, context, logs, files, _images, runtime.Network, runtime.PodIP));
        usage.Report(uid, Usage(pod, runtime, context.Now));
        if (runtime.IsTerminal)
        {
            // A finished pod's sandbox is gone: its address may go to another pod (the status keeps it).
            ReleaseAddress(key);
        }
        var written = WriteStatus(context, pods, pod, runtime);
        if (runtime.ReadyToRemove && written["metadata"]?["finalizers"] is not JsonArray { Count: > 0 })
        {
            context.Store.Remove(pods, ns, name);
            Forget(key);
            return;
        }
        if (runtime.NextWake(context.Now) is { } wake)
        {
            Queue.AddAt(key, wake);
        }
    }

    /// <summary>The kubelet takes a pod on: an address from its node's podCIDR, or, with none free, a sandbox failure to retry.</summary>
    private PodRuntime? TakeOn(ReconcileContext context, string key, JsonObject pod)
    {
        var nodeName = (string)pod["spec"]!["nodeName"]!;
        var node = context.Store.Get(context.Resource("nodes"), null, nodeName);
        if (!_nodeAddresses.TryGetValue(nodeName, out var addresses))
        {
            addresses = new PodAddresses((string?)node?["spec"]?["podCIDR"] is { Length: > 0 } cidr ? cidr : "10.244.0.0/24");
            _nodeAddresses[nodeName] = addresses;
        }
        if (addresses.Allocate() is not { } podIp)
        {
            context.Events.Record(pod, "Warning", "FailedCreatePodSandBox",
                $"Failed to create pod sandbox: plugin type=\"host-local\" failed (add): failed to allocate for range 0: no IP addresses available in range set",
                "kubelet", context.Now);
            Queue.AddAt(key, context.Now + SandboxRetry);
            return null;
        }
        var runtime = new PodRuntime(pod, podIp, HostIp(node), context.Now);
        _pods[key] = runtime;
        _uids[key] = (string?)pod["metadata"]?["uid"] ?? "";
        _addressOwners[key] = (nodeName, false);
        return runtime;
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
    private void Forget(string key)
    {
        ReleaseAddress(key);
        _addressOwners.Remove(key);
        if (_uids.Remove(key, out var uid))
        {
            usage.Forget(uid);
        }
        if (_pods.Remove(key, out var runtime))
        {
            logs.Remove(runtime.ContainerIds);
            files.Remove(runtime.ContainerIds);
        }
    }

    private void ReleaseAddress(string key)
    {
        if (_addressOwners.TryGetValue(key, out var owner) && !owner.Released && _pods.TryGetValue(key, out var runtime))
        {
            _nodeAddresses[owner.Node].Release(runtime.PodIP);
            _addressOwners[key] = (owner.Node, true);
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

    private static string HostIp(JsonObject? node) =>
        (node?["status"]?["addresses"] as JsonArray)?.OfType<JsonObject>()
            .Where(a => (string?)a["type"] == "InternalIP")
            .Select(a => (string?)a["address"])
            .FirstOrDefault() ?? FallbackHostIp;
}
