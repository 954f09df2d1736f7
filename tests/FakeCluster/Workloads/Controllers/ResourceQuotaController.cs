using System.Globalization;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The resource quota controller: status.hard mirrors spec.hard and status.used counts, for each hard resource, what
/// the namespace holds: object counts (pods, services, configmaps, secrets... and count/RESOURCE[.GROUP]), node
/// ports and load balancers, and the cpu and memory requests and limits of its non-terminal pods.
/// </summary>
public sealed class ResourceQuotaController : IPassController
{
    private static readonly Dictionary<string, string> CountedByName = new(StringComparer.Ordinal)
    {
        ["pods"] = "pods",
        ["services"] = "services",
        ["replicationcontrollers"] = "replicationcontrollers",
        ["resourcequotas"] = "resourcequotas",
        ["secrets"] = "secrets",
        ["configmaps"] = "configmaps",
    };

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var quota in client.List("resourcequotas", filter: q => !ObjectFields.IsDeleting(q)))
        {
            var hard = quota["spec"]?["hard"] as JsonObject ?? [];
            var used = new JsonObject();
            foreach (var (name, _) in hard.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                if (Used(context, client, ObjectFields.Namespace(quota)!, name) is { } value)
                {
                    used[name] = value;
                }
            }
            var next = new JsonObject { ["hard"] = hard.DeepClone(), ["used"] = used };
            if (hard.Count == 0)
            {
                next = [];
            }
            if (!JsonNode.DeepEquals(quota["status"], next))
            {
                client.UpdateStatus("resourcequotas", quota, next);
            }
        }
    }

    private static string? Used(ReconcileContext context, ControllerClient client, string @namespace, string name)
    {
        if (CountedByName.TryGetValue(name, out var plural))
        {
            return Count(context, client, @namespace, plural, null);
        }
        if (name.StartsWith("count/", StringComparison.Ordinal))
        {
            var target = name["count/".Length..];
            var dot = target.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? Count(context, client, @namespace, target, "") : Count(context, client, @namespace, target[..dot], target[(dot + 1)..]);
        }
        var services = client.List("services", @namespace);
        switch (name)
        {
            case "services.loadbalancers":
                return Text(services.Count(s => (string?)s["spec"]?["type"] == "LoadBalancer"));
            case "services.nodeports":
                return Text(services
                    .Where(s => (string?)s["spec"]?["type"] is "NodePort" or "LoadBalancer")
                    .Sum(s => (s["spec"]?["ports"] as JsonArray)?.Count(p => p?["nodePort"] is not null) ?? 0));
        }
        var (section, resource) = name switch
        {
            "cpu" or "memory" or "ephemeral-storage" => ("requests", name),
            _ when name.StartsWith("requests.", StringComparison.Ordinal) => ("requests", name["requests.".Length..]),
            _ when name.StartsWith("limits.", StringComparison.Ordinal) => ("limits", name["limits.".Length..]),
            _ => ("", ""),
        };
        if (resource is not ("cpu" or "memory" or "ephemeral-storage"))
        {
            return null;
        }
        decimal total = 0;
        foreach (var pod in client.List("pods", @namespace, p => !PodState.IsTerminal(p)))
        {
            foreach (var container in (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if ((string?)container["resources"]?[section]?[resource] is { } quantity && QuotaQuantity.TryParse(quantity, out var value))
                {
                    total += value;
                }
            }
        }
        return QuotaQuantity.Format(total, resource == "cpu");
    }

    private static string? Count(ReconcileContext context, ControllerClient client, string @namespace, string plural, string? group)
    {
        var resource = context.Resources.FirstOrDefault(r => r.Plural == plural && (group is null || r.Group == group) && r.Namespaced);
        if (resource is null)
        {
            return null;
        }
        var objects = client.List(plural, @namespace);
        // Quota counts the pods that still hold resources: not succeeded or failed.
        return Text(plural == "pods" ? objects.Count(p => !PodState.IsTerminal(p)) : objects.Count);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
