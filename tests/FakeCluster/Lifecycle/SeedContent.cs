using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Lifecycle;

/// <summary>
/// What a fresh cluster holds: its Ready nodes (the first one the control plane), the four system namespaces with their default service accounts, the
/// kubernetes Service and the two built-in priority classes.
/// </summary>
public static class SeedContent
{
    public const string NodeName = "fake-node-1";

    /// <summary>The name of the node numbered <paramref name="number"/> (from 1).</summary>
    public static string NodeNameOf(int number) => $"fake-node-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The priority classes the API server creates at start (pkg/apis/scheduling SystemPriorityClasses).</summary>
    public static IReadOnlyList<(string Name, long Value, string Description)> SystemPriorityClasses { get; } =
    [
        ("system-node-critical", 2_000_001_000, "Used for system critical pods that must not be moved from their current node."),
        ("system-cluster-critical", 2_000_000_000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
    ];

    public static void Load(ObjectStore store, DateTimeOffset now, int nodes = 1)
    {
        var created = KubeTime.Format(now);
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var ns = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = Metadata(name, null, created),
            };
            ObjectDefaults.Apply("Namespace", ns);
            store.Add(Find("namespaces"), ns);
            store.Add(Find("serviceaccounts"), DefaultServiceAccount(name, now));
        }
        foreach (var (name, value, description) in SystemPriorityClasses)
        {
            var priorityClass = new JsonObject
            {
                ["apiVersion"] = "scheduling.k8s.io/v1",
                ["kind"] = "PriorityClass",
                ["metadata"] = Metadata(name, null, created),
                ["value"] = value,
                ["description"] = description,
            };
            ObjectDefaults.Apply("PriorityClass", priorityClass);
            store.Add(Find("priorityclasses"), priorityClass);
        }
        for (var number = 1; number <= nodes; number++)
        {
            store.Add(Find("nodes"), Node(number, created));
        }
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = Metadata("kubernetes", "default", created),
            ["spec"] = new JsonObject
            {
                ["clusterIP"] = "10.96.0.1",
                ["clusterIPs"] = new JsonArray("10.96.0.1"),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
            },
        };
        service["metadata"]!["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" };
        ObjectDefaults.Apply("Service", service);
        store.Add(Find("services"), service);
    }

    /// <summary>The `default` service account the service account controller gives every namespace.</summary>
    public static JsonObject DefaultServiceAccount(string @namespace, DateTimeOffset now) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Metadata("default", @namespace, KubeTime.Format(now)),
    };

    /// <summary>
    /// Node number N: its pod CIDR the Nth /24 of kubeadm's default 10.244.0.0/16 (10.244.(N-1).0/24, as the node IPAM
    /// controller hands them out), its address 172.18.0.(N+1) as kind gives them; capacity as kubelet defaults (110 pods).
    /// </summary>
    private static JsonObject Node(int number, string created)
    {
        var name = NodeNameOf(number);
        var index = (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var podCidr = $"10.244.{index}.0/24";
        var metadata = Metadata(name, null, created);
        var labels = new JsonObject
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
        };
        if (number == 1)
        {
            labels["node-role.kubernetes.io/control-plane"] = "";
        }
        metadata["labels"] = labels;
        var resources = new JsonObject { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "110", ["ephemeral-storage"] = "100Gi" };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["podCIDR"] = podCidr, ["podCIDRs"] = new JsonArray(podCidr) },
            ["status"] = new JsonObject
            {
                ["capacity"] = resources,
                ["allocatable"] = resources.DeepClone(),
                ["conditions"] = new JsonArray(
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", created),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", created),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", created),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", created)),
                ["addresses"] = new JsonArray(
                    new JsonObject { ["type"] = "InternalIP", ["address"] = $"172.18.{(number + 1) / 256}.{(number + 1) % 256}" },
                    new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["nodeInfo"] = new JsonObject
                {
                    ["architecture"] = "amd64",
                    ["bootID"] = $"00000000-0000-0000-0000-{number:D12}",
                    ["containerRuntimeVersion"] = "containerd://1.7.24",
                    ["kernelVersion"] = "6.1.0-fake",
                    ["kubeProxyVersion"] = "v1.32.4",
                    ["kubeletVersion"] = "v1.32.4",
                    ["machineID"] = $"fake-machine-{number}",
                    ["operatingSystem"] = "linux",
                    ["osImage"] = "Debian GNU/Linux 12 (bookworm)",
                    ["systemUUID"] = $"00000000-0000-0000-0000-{number:D12}",
                },
            },
        };
    }

    private static JsonObject Condition(string type, string status, string reason, string message, string time) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastHeartbeatTime"] = time,
        ["lastTransitionTime"] = time,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static JsonObject Metadata(string name, string? @namespace, string created)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = created;
        return metadata;
    }

    private static ResourceDefinition Find(string plural) => BuiltInResources.Find(plural)!;
}
