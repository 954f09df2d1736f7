using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Printing;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// The API server's table columns for kinds PSKube.Client has no printer for yet (role bindings, ingresses, ingress
/// classes, quotas, priority classes, disruption budgets), read straight from the stored JSON. Roles and cluster
/// roles have no columns of their own on a real server either: they print NAME and CREATED AT.
/// </summary>
internal sealed record ServerColumns(IReadOnlyList<PrintColumn> Columns, Func<JsonObject, DateTimeOffset, IReadOnlyList<object?>> Cells)
{
    private const string None = "<none>";

    private static readonly PrintColumn NameColumn = new("Name", "string", "name", "The object's name, unique within its namespace.", 0);

    private static readonly PrintColumn AgeColumn = Text("Age", "How long ago the object was created.");

    private static readonly ServerColumns Bindings = new(
        [
            NameColumn,
            Text("Role", "RoleRef is the reference to the role being granted."),
            AgeColumn,
            Wide("Users", "The users the role is granted to."),
            Wide("Groups", "The groups the role is granted to."),
            Wide("ServiceAccounts", "The service accounts the role is granted to."),
        ],
        (obj, now) =>
        [
            Name(obj),
            $"{(string?)obj["roleRef"]?["kind"]}/{(string?)obj["roleRef"]?["name"]}",
            Age(obj, now),
            Subjects(obj, "User"),
            Subjects(obj, "Group"),
            Subjects(obj, "ServiceAccount"),
        ]);

    private static readonly Dictionary<string, ServerColumns> ByKind = new(StringComparer.Ordinal)
    {
        ["RoleBinding"] = Bindings,
        ["ClusterRoleBinding"] = Bindings,
        ["Ingress"] = new(
            [
                NameColumn,
                Text("Class", "The name of the IngressClass cluster resource."),
                Text("Hosts", "Hosts that incoming requests are matched against before the IngressRule is applied."),
                Text("Address", "Address is a list containing ingress points for the load-balancer."),
                Text("Ports", "Ports of TLS configurations that open."),
                AgeColumn,
            ],
            (obj, now) => [Name(obj), (string?)obj["spec"]?["ingressClassName"] ?? None, IngressHosts(obj), IngressAddress(obj), IngressPorts(obj), Age(obj, now)]),
        ["IngressClass"] = new(
            [
                NameColumn,
                Text("Controller", "Controller that is responsible for handling this class."),
                Text("Parameters", "A reference to a resource with additional parameters."),
                AgeColumn,
            ],
            (obj, now) => [Name(obj), (string?)obj["spec"]?["controller"] ?? "", IngressClassParameters(obj), Age(obj, now)]),
        ["ResourceQuota"] = new(
            [
                NameColumn,
                AgeColumn,
                Text("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
                Text("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
            ],
            (obj, now) => [Name(obj), Age(obj, now), QuotaColumn(obj, limits: false), QuotaColumn(obj, limits: true)]),
        ["PriorityClass"] = new(
            [
                NameColumn,
                Integer("Value", "The value of this priority class."),
                new("Global-Default", "boolean", string.Empty, "globalDefault specifies whether this PriorityClass should be considered as the default priority.", 0),
                AgeColumn,
                Text("PreemptionPolicy", "PreemptionPolicy is the Policy for preempting pods with lower priority."),
            ],
            (obj, now) =>
            [
                Name(obj),
                ObjectFields.Long(obj["value"]),
                obj["globalDefault"] is JsonValue flag && flag.TryGetValue<bool>(out var isDefault) && isDefault,
                Age(obj, now),
                (string?)obj["preemptionPolicy"] ?? "",
            ]),
        ["PodDisruptionBudget"] = new(
            [
                NameColumn,
                Text("Min Available", "The minimum number of pods that must be available simultaneously.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
                Text("Max Unavailable", "The maximum number of pods that may be unavailable.  This can be either an integer or a string specifying a percentage, e.g. \"28%\"."),
                Integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
                AgeColumn,
            ],
            (obj, now) =>
            [
                Name(obj),
                obj["spec"]?["minAvailable"]?.ToString() ?? "N/A",
                obj["spec"]?["maxUnavailable"]?.ToString() ?? "N/A",
                ObjectFields.Long(obj["status"]?["disruptionsAllowed"]),
                Age(obj, now),
            ]),
    };

    private static PrintColumn Text(string name, string description) => new(name, "string", string.Empty, description, 0);

    private static PrintColumn Integer(string name, string description) => new(name, "integer", string.Empty, description, 0);

    private static PrintColumn Wide(string name, string description) => new(name, "string", string.Empty, description, 1);

    public static ServerColumns? For(string kind) => ByKind.GetValueOrDefault(kind);

    private static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    private static string Age(JsonObject obj, DateTimeOffset now) =>
        HumanDuration.Age(DateTimeOffset.TryParse((string?)obj["metadata"]?["creationTimestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null, now);

    private static string Subjects(JsonObject binding, string kind)
    {
        var names = ((binding["subjects"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(s => (string?)s["kind"] == kind)
            .Select(s => kind == "ServiceAccount" ? $"{(string?)s["namespace"]}/{(string?)s["name"]}" : (string?)s["name"] ?? "")
            .ToList();
        return string.Join(", ", names);
    }

    // At most three hosts, then ", + N more...", and "*" when no rule names one (printers.go formatHosts).
    private static string IngressHosts(JsonObject ingress)
    {
        var hosts = ((ingress["spec"]?["rules"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(r => (string?)r["host"] ?? "")
            .Where(h => h.Length > 0)
            .ToList();
        if (hosts.Count == 0)
        {
            return "*";
        }
        var shown = string.Join(",", hosts.Take(3));
        return hosts.Count > 3 ? $"{shown} + {hosts.Count - 3} more..." : shown;
    }

    private static string IngressAddress(JsonObject ingress) =>
        string.Join(",", ((ingress["status"]?["loadBalancer"]?["ingress"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(i => (string?)i["ip"] is { Length: > 0 } ip ? ip : (string?)i["hostname"] ?? ""));

    private static string IngressPorts(JsonObject ingress) =>
        ingress["spec"]?["tls"] is JsonArray { Count: > 0 } ? "80, 443" : "80";

    private static string IngressClassParameters(JsonObject ingressClass)
    {
        if (ingressClass["spec"]?["parameters"] is not JsonObject parameters)
        {
            return None;
        }
        var kind = (string?)parameters["kind"] ?? "";
        if ((string?)parameters["apiGroup"] is { } group)
        {
            kind = $"{kind}.{group}";
        }
        return $"{kind}/{(string?)parameters["name"]}";
    }

    // "RESOURCE: USED/HARD" for each hard resource in name order; limits.* go to the Limit column.
    private static string QuotaColumn(JsonObject quota, bool limits)
    {
        var hard = quota["status"]?["hard"] as JsonObject ?? [];
        var used = quota["status"]?["used"] as JsonObject ?? [];
        var parts = hard
            .Where(h => h.Key.StartsWith("limits.", StringComparison.Ordinal) == limits)
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {used[h.Key]?.ToString() ?? "0"}/{h.Value}");
        return string.Join(", ", parts);
    }
}
