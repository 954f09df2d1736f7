using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>
/// kubectl describe node: roles, taints, conditions, addresses, capacity, system info, the pods on it with their
/// requests and limits, the resources allocated in total, events.
/// </summary>
public sealed class NodeDescription : KubeDescription
{
    private static readonly string[] Totalled = ["cpu", "memory", "ephemeral-storage"];

    internal NodeDescription(Node node, IReadOnlyList<Pod> pods, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(node, events)
    {
        Node = node;
        Conditions = (node.NodeStatus?.Conditions ?? []).Select(c => new DescribedCondition(c.Type ?? "", c.Status ?? "", c.Reason, c.Message, c.LastTransitionTime, c.LastHeartbeatTime)).ToList();
        var allocatable = node.NodeStatus?.Allocatable is { Count: > 0 } a ? a : node.NodeStatus?.Capacity ?? [];
        var cpu = AllocatableOf(allocatable, "cpu").Millis;
        var memory = AllocatableOf(allocatable, "memory").Units;
        Pods = pods.Select(pod =>
        {
            var (requests, limits) = PodResources(pod);
            return new NodePodResources(pod.Namespace ?? "", pod.Name ?? "",
                Share(requests, "cpu", cpu, millis: true), Share(limits, "cpu", cpu, millis: true),
                Share(requests, "memory", memory, millis: false), Share(limits, "memory", memory, millis: false),
                pod.Metadata?.CreationTimestamp);
        }).ToList();
        var totals = pods.Select(PodResources).ToList();
        var requested = Sum(totals.Select(t => t.Requests));
        var limited = Sum(totals.Select(t => t.Limits));
        AllocatedResources = Totalled.Select(name =>
        {
            var whole = name == "cpu" ? cpu : AllocatableOf(allocatable, name).Units;
            return new AllocatedResource(name, Share(requested, name, whole, name == "cpu"), Share(limited, name, whole, name == "cpu"));
        }).ToList();
        Text = Render(now);
    }

    public Node Node { get; }

    /// <summary>The node's roles from its node-role.kubernetes.io/ROLE labels (control-plane...).</summary>
    public IReadOnlyList<string> Roles => (Node.Metadata?.Labels ?? [])
        .Select(label => label.Key.StartsWith(RolePrefix, StringComparison.Ordinal) ? label.Key[RolePrefix.Length..]
            : label.Key == "kubernetes.io/role" ? label.Value : "")
        .Where(role => role.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    public DateTimeOffset? CreationTimestamp => Node.Metadata?.CreationTimestamp;

    public IReadOnlyList<string> Taints => (Node.Spec?.Taints ?? []).OrderBy(t => $"{t.Effect},{t.Key}", StringComparer.Ordinal).Select(DescribeText.Taint).ToList();

    public bool Unschedulable => Node.Spec?.Unschedulable == true;

    public IReadOnlyList<DescribedCondition> Conditions { get; }

    /// <summary>The addresses by type (InternalIP, Hostname...).</summary>
    public IReadOnlyList<NodeAddress> Addresses => Node.NodeStatus?.Addresses ?? [];

    public IReadOnlyDictionary<string, string> Capacity => new SortedDictionary<string, string>(Node.NodeStatus?.Capacity ?? [], StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Allocatable => new SortedDictionary<string, string>(Node.NodeStatus?.Allocatable ?? [], StringComparer.Ordinal);

    public NodeSystemInfo? SystemInfo => Node.NodeStatus?.NodeInfo;

    /// <summary>The pods on the node that have not ended, with their CPU and memory requests and limits.</summary>
    public IReadOnlyList<NodePodResources> Pods { get; }

    /// <summary>CPU, memory and ephemeral storage requested and limited by those pods in total, with the share of allocatable.</summary>
    public IReadOnlyList<AllocatedResource> AllocatedResources { get; }

    private const string RolePrefix = "node-role.kubernetes.io/";

    private static ResourceQuantity AllocatableOf(Dictionary<string, string> allocatable, string name) =>
        allocatable.TryGetValue(name, out var text) ? ResourceQuantity.Parse(text) : ResourceQuantity.Zero;

    private static ResourceShare Share(IReadOnlyDictionary<string, ResourceQuantity> amounts, string name, long whole, bool millis)
    {
        var amount = amounts.GetValueOrDefault(name);
        var part = millis ? amount.Millis : amount.Units;
        // kubectl divides as floating point and truncates; a zero allocatable gives no share.
        var percent = whole == 0 ? 0 : (long)((double)part / whole * 100);
        return new ResourceShare(amount.ToString(), percent);
    }

    // A pod's requests and limits as the scheduler counts them: its containers summed, each init container as a
    // peak of its own (a sidecar init container, which keeps running, adds to the sum).
    private static (IReadOnlyDictionary<string, ResourceQuantity> Requests, IReadOnlyDictionary<string, ResourceQuantity> Limits) PodResources(Pod pod)
    {
        Dictionary<string, ResourceQuantity> Total(Func<Container, Dictionary<string, string>?> of)
        {
            var sum = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
            void Add(Dictionary<string, ResourceQuantity> into, Dictionary<string, string>? amounts)
            {
                foreach (var (name, text) in amounts ?? [])
                {
                    into[name] = into.GetValueOrDefault(name).Add(ResourceQuantity.Parse(text));
                }
            }
            foreach (var container in pod.Spec?.Containers ?? [])
            {
                Add(sum, of(container));
            }
            foreach (var init in pod.Spec?.InitContainers ?? [])
            {
                if (init.RestartPolicy == "Always")
                {
                    Add(sum, of(init));
                    continue;
                }
                foreach (var (name, text) in of(init) ?? [])
                {
                    sum[name] = sum.GetValueOrDefault(name).Max(ResourceQuantity.Parse(text));
                }
            }
            foreach (var (name, text) in pod.Spec?.Overhead ?? [])
            {
                if (sum.ContainsKey(name))
                {
                    sum[name] = sum[name].Add(ResourceQuantity.Parse(text));
                }
            }
            return sum;
        }
        return (Total(c => c.Resources?.Requests), Total(c => c.Resources?.Limits));
    }

    private static Dictionary<string, ResourceQuantity> Sum(IEnumerable<IReadOnlyDictionary<string, ResourceQuantity>> amounts)
    {
        var sum = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        foreach (var (name, amount) in amounts.SelectMany(a => a))
        {
            sum[name] = sum.GetValueOrDefault(name).Add(amount);
        }
        return sum;
    }

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        var info = SystemInfo;
        w.Field(0, "Name", Name);
        w.Field(0, "Roles", Roles.Count > 0 ? string.Join(',', Roles) : DescribeText.None);
        w.Labels("Labels", Node.Metadata?.Labels);
        w.Annotations("Annotations", Node.Metadata?.Annotations);
        w.Field(0, "CreationTimestamp", DescribeText.Time(CreationTimestamp));
        w.Multiline("Taints", Taints);
        w.Field(0, "Unschedulable", Unschedulable ? "true" : "false");
        if (Conditions.Count > 0)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage");
            w.Line(1, "----\t------\t-----------------\t------------------\t------\t-------");
            foreach (var c in Conditions)
            {
                w.Line(1, $"{c.Type} \t{c.Status} \t{DescribeText.Time(c.LastHeartbeatTime)} \t{DescribeText.Time(c.LastTransitionTime)} \t{c.Reason} \t{c.Message}");
            }
        }
        w.Line(0, "Addresses:");
        foreach (var address in Addresses)
        {
            w.Field(1, address.Type ?? "", address.Address);
        }
        if (Capacity.Count > 0)
        {
            w.Line(0, "Capacity:");
            foreach (var (name, value) in Capacity)
            {
                w.Field(1, name, value);
            }
        }
        if (Allocatable.Count > 0)
        {
            w.Line(0, "Allocatable:");
            foreach (var (name, value) in Allocatable)
            {
                w.Field(1, name, value);
            }
        }
        w.Line(0, "System Info:");
        w.Field(1, "Machine ID", info?.MachineID);
        w.Field(1, "System UUID", info?.SystemUUID);
        w.Field(1, "Boot ID", info?.BootID);
        w.Field(1, "Kernel Version", info?.KernelVersion);
        w.Field(1, "OS Image", info?.OsImage);
        w.Field(1, "Operating System", info?.OperatingSystem);
        w.Field(1, "Architecture", info?.Architecture);
        w.Field(1, "Container Runtime Version", info?.ContainerRuntimeVersion);
        w.Field(1, "Kubelet Version", info?.KubeletVersion);
        w.Field(1, "Kube-Proxy Version", info?.KubeProxyVersion);
        if (!string.IsNullOrEmpty(Node.Spec?.PodCIDR))
        {
            w.Field(0, "PodCIDR", Node.Spec.PodCIDR);
        }
        if (Node.Spec?.PodCIDRs is { Count: > 0 } cidrs)
        {
            w.Field(0, "PodCIDRs", string.Join(',', cidrs));
        }
        if (!string.IsNullOrEmpty(Node.Spec?.ProviderID))
        {
            w.Field(0, "ProviderID", Node.Spec.ProviderID);
        }
        w.Field(0, "Non-terminated Pods", string.Create(CultureInfo.InvariantCulture, $"({Pods.Count} in total)"));
        w.Line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge");
        w.Line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---");
        foreach (var pod in Pods)
        {
            w.Line(1, $"{pod.Namespace}\t{pod.Name}\t\t{pod.CpuRequests}\t{pod.CpuLimits}\t{pod.MemoryRequests}\t{pod.MemoryLimits}\t{DescribeText.Age(pod.Created, now)}");
        }
        w.Line(0, "Allocated resources:");
        w.Line(0, "  (Total limits may be over 100 percent, i.e., overcommitted.)");
        w.Line(1, "Resource\tRequests\tLimits");
        w.Line(1, "--------\t--------\t------");
        foreach (var resource in AllocatedResources)
        {
            w.Line(1, $"{resource.Resource}\t{resource.Requests}\t{resource.Limits}");
        }
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>An amount of a resource and its share of the node's allocatable, as <c>250m (6%)</c>.</summary>
public sealed record ResourceShare(string Amount, long Percent)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} ({Percent}%)");
}

/// <summary>A pod on a node with its CPU and memory requests and limits.</summary>
public sealed record NodePodResources(string Namespace, string Name, ResourceShare CpuRequests, ResourceShare CpuLimits, ResourceShare MemoryRequests, ResourceShare MemoryLimits, DateTimeOffset? Created);

/// <summary>One resource allocated on a node: what its pods request and what they are limited to.</summary>
public sealed record AllocatedResource(string Resource, ResourceShare Requests, ResourceShare Limits);
