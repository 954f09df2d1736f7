using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get nodes -o wide shows, as plain properties. Status is kubectl's STATUS column, as on pods;
// the API's status object is NodeStatus, and its capacity and allocatable resources are properties of their own.
public sealed partial class Node
{
    /// <summary>The STATUS column: Ready, NotReady or Unknown, with <c>,SchedulingDisabled</c> when cordoned.</summary>
    [JsonIgnore]
    public string Status => NodePrinter.State(this);

    /// <summary>The ROLES column: roles from the node-role.kubernetes.io labels, <c>&lt;none&gt;</c> when none.</summary>
    [JsonIgnore]
    public string Roles => NodePrinter.Roles(Metadata?.Labels);

    /// <summary>The VERSION column: the kubelet's version.</summary>
    [JsonIgnore]
    public string Version => NodeStatus?.NodeInfo?.KubeletVersion ?? string.Empty;

    /// <summary>The INTERNAL-IP column: the node's first internal address, <c>&lt;none&gt;</c> when it has none.</summary>
    [JsonIgnore]
    public string InternalIP => NodePrinter.Address(this, "InternalIP");

    /// <summary>The EXTERNAL-IP column: the node's first external address, <c>&lt;none&gt;</c> when it has none.</summary>
    [JsonIgnore]
    public string ExternalIP => NodePrinter.Address(this, "ExternalIP");

    /// <summary>The OS-IMAGE column.</summary>
    [JsonIgnore]
    public string OSImage => NodePrinter.OrUnknown(NodeStatus?.NodeInfo?.OsImage);

    /// <summary>The KERNEL-VERSION column.</summary>
    [JsonIgnore]
    public string KernelVersion => NodePrinter.OrUnknown(NodeStatus?.NodeInfo?.KernelVersion);

    /// <summary>The CONTAINER-RUNTIME column: the runtime and its version (<c>containerd://1.7.2</c>).</summary>
    [JsonIgnore]
    public string ContainerRuntime => NodePrinter.OrUnknown(NodeStatus?.NodeInfo?.ContainerRuntimeVersion);

    /// <summary>The node's resources as quantities by name (<c>$node.Capacity['cpu']</c>, <c>['memory']</c>, <c>['pods']</c>); empty when unreported.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Capacity => (IReadOnlyDictionary<string, string>?)NodeStatus?.Capacity ?? ReadOnlyDictionary<string, string>.Empty;

    /// <summary>What of <see cref="Capacity"/> pods may use, after the system's reservations (<c>$node.Allocatable['cpu']</c>).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Allocatable => (IReadOnlyDictionary<string, string>?)NodeStatus?.Allocatable ?? ReadOnlyDictionary<string, string>.Empty;
}
