using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Printing;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Printing;

/// <summary>
/// The API server's table columns for kinds PSKube.Client has no printer for yet (role bindings and ingress classes),
/// read straight from the stored JSON. Roles and cluster roles have no columns of their own on a real server either:
/// they print NAME and CREATED AT.
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
        ["IngressClass"] = new(
            [
                NameColumn,
                Text("Controller", "Controller that is responsible for handling this class."),
                Text("Parameters", "A reference to a resource with additional parameters."),
                AgeColumn,
            ],
            (obj, now) => [Name(obj), (string?)obj["spec"]?["controller"] ?? "", IngressClassParameters(obj), Age(obj, now)]),
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
}
