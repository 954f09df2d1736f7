using System.Text.Json.Nodes;
using PSKube.FakeCluster.Streaming;
using PSKube.FakeCluster.Workloads.Logs;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>What one pass over one pod works with: the pod as stored, events, logs, files, node images, its network and randomness.</summary>
public sealed class PodSync(JsonObject pod, ReconcileContext context, ContainerLogBook logs, ContainerFileBook files, NodeImages images, PodNetwork network, string podIp)
{
    public JsonObject Pod { get; } = pod;

    public ContainerLogBook Logs { get; } = logs;

    /// <summary>The containers' file systems, shared with exec.</summary>
    public ContainerFileBook Files { get; } = files;

    public NodeImages Images { get; } = images;

    /// <summary>The pod's address, known to the kubelet before the status reports it.</summary>
    public string PodIP { get; } = podIp;

    /// <summary>The network namespace the pod's containers share.</summary>
    public PodNetwork Network { get; } = network;

    public Random Random => context.Random;

    /// <summary>The pod as the kubelet names it in messages: name_namespace(uid).</summary>
    public string PodReference =>
        $"{(string?)Pod["metadata"]!["name"]}_{(string?)Pod["metadata"]!["namespace"]}({(string?)Pod["metadata"]!["uid"]})";

    public void Event(string fieldPath, string type, string reason, string message, DateTimeOffset at) =>
        context.Events.Record(Pod, type, reason, message, "kubelet", at, fieldPath);
}
