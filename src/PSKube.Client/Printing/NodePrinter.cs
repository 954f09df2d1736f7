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

    protected override object?[] RowOf(Node obj, DateTimeOffset now)
    {
        var info = obj.Status?.NodeInfo;
        var roles = Roles(obj.Metadata?.Labels);
        return
        [
            PrintCells.Name(obj),
            Status(obj),
            roles.Count == 0 ? PrintCells.None : string.Join(',', roles),
            PrintCells.Age(obj, now),
            info?.KubeletVersion ?? string.Empty,
            Address(obj, "InternalIP"),
            Address(obj, "ExternalIP"),
            OrUnknown(info?.OsImage),
            OrUnknown(info?.KernelVersion),
            OrUnknown(info?.ContainerRuntimeVersion),
        ];
    }

    private static string Status(Node node)
    {
        // Of several Ready conditions, the last one counts.
        var ready = node.Status?.Conditions?.LastOrDefault(condition => condition.Type == "Ready");
        var status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return node.Spec?.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    private static List<string> Roles(IReadOnlyDictionary<string, string>? labels) =>
        (labels ?? new Dictionary<string, string>())
            .Select(label => label.Key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) ? label.Key[RoleLabelPrefix.Length..]
                : label.Key == LegacyRoleLabel ? label.Value
                : string.Empty)
            .Where(role => role.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Address(Node node, string type) =>
        node.Status?.Addresses?.FirstOrDefault(address => address.Type == type) is { } found ? found.Address ?? string.Empty : PrintCells.None;

    private static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? PrintCells.Unknown : value;
}
