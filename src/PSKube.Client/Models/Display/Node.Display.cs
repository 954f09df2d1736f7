using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get nodes -o wide shows, as plain properties. Status stays the NodeStatus object
// ($_.Status.Capacity['cpu']), so kubectl's STATUS column is State.
public sealed partial class Node
{
    /// <summary>kubectl's STATUS column: Ready, NotReady or Unknown, with <c>,SchedulingDisabled</c> when cordoned.</summary>
    [JsonIgnore]
    public string State => NodePrinter.State(this);

    /// <summary>The ROLES column: roles from the node-role.kubernetes.io labels, <c>&lt;none&gt;</c> when none.</summary>
    [JsonIgnore]
    public string Roles => NodePrinter.Roles(Metadata?.Labels);

    /// <summary>The VERSION column: the kubelet's version.</summary>
    [JsonIgnore]
    public string Version => Status?.NodeInfo?.KubeletVersion ?? string.Empty;

    /// <summary>The INTERNAL-IP column: the node's first internal address, <c>&lt;none&gt;</c> when it has none.</summary>
    [JsonIgnore]
    public string InternalIP => NodePrinter.Address(this, "InternalIP");

    /// <summary>The EXTERNAL-IP column: the node's first external address, <c>&lt;none&gt;</c> when it has none.</summary>
    [JsonIgnore]
    public string ExternalIP => NodePrinter.Address(this, "ExternalIP");

    /// <summary>The OS-IMAGE column.</summary>
    [JsonIgnore]
    public string OSImage => NodePrinter.OrUnknown(Status?.NodeInfo?.OsImage);

    /// <summary>The KERNEL-VERSION column.</summary>
    [JsonIgnore]
    public string KernelVersion => NodePrinter.OrUnknown(Status?.NodeInfo?.KernelVersion);

    /// <summary>The CONTAINER-RUNTIME column: the runtime and its version (<c>containerd://1.7.2</c>).</summary>
    [JsonIgnore]
    public string ContainerRuntime => NodePrinter.OrUnknown(Status?.NodeInfo?.ContainerRuntimeVersion);
}
