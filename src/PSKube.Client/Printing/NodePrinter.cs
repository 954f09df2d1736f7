using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Nodes: NAME STATUS ROLES AGE VERSION, and INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME when wide.</summary>
internal sealed class NodePrinter : ResourcePrinter<Node>
{
    private const string RoleLabelPrefix = "node-role.kubernetes.io/";
    private const string LegacyRoleLabel = "kubernetes.io/role";

    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Status", "Ready or NotReady, and SchedulingDisabled when cordoned."),
        PrintColumns.Text("Roles", "The roles from the node's node-role.kubernetes.io labels."),
        PrintColumns.Age,
        PrintColumns.Text("Version", "The kubelet's version."),
        PrintColumns.Wide("Internal-IP", "The node's first internal IP address."),
        PrintColumns.Wide("External-IP", "The node's first external IP address."),
        PrintColumns.Wide("OS-Image", "The operating system image."),
        PrintColumns.Wide("Kernel-Version", "The kernel version."),
        PrintColumns.Wide("Container-Runtime", "The container runtime and its version."),
    ];

    internal static string State(Node node)
    {
        // Of several Ready conditions, the last one counts.
        var ready = node.NodeStatus?.Conditions?.LastOrDefault(condition => condition.Type == "Ready");
        var status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return node.Spec?.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    internal static string Roles(IReadOnlyDictionary<string, string>? labels)
    {
        var roles = (labels ?? new Dictionary<string, string>())
            .Select(label => label.Key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) ? label.Key[RoleLabelPrefix.Length..]
                : label.Key == LegacyRoleLabel ? label.Value
                : string.Empty)
            .Where(role => role.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? PrintCells.None : string.Join(',', roles);
    }

    internal static string Address(Node node, string type) =>
        node.NodeStatus?.Addresses?.FirstOrDefault(address => address.Type == type) is { } found ? found.Address ?? string.Empty : PrintCells.None;

    internal static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? PrintCells.Unknown : value;

    protected override object?[] RowOf(Node obj, DateTimeOffset now) =>
    [
        PrintCells.Name(obj),
        obj.Status,
        obj.Roles,
        PrintCells.Age(obj, now),
        obj.Version,
        obj.InternalIP,
        obj.ExternalIP,
        obj.OSImage,
        obj.KernelVersion,
        obj.ContainerRuntime,
    ];
}
