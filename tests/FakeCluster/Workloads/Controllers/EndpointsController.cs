using System.Net;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The Endpoints controller: for every Service with a selector, an Endpoints object of the same name listing the
/// matching pods that have an IP, ready ones under addresses and the others under notReadyAddresses, with the
/// service's ports resolved against each pod (named target ports by container port name).
/// </summary>
public sealed class EndpointsController : IPassController
{
    // namespace/name of the services this controller has kept Endpoints for, to delete them when the service goes.
    private readonly HashSet<string> _managed = [];

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        var services = client.List("services");
        foreach (var service in services.Where(s => ObjectFields.Selector(s["spec"]?["selector"]) is not null && (string?)s["spec"]?["type"] != "ExternalName"))
        {
            _managed.Add(Key(service));
            Sync(client, service);
        }
        var present = services.Select(Key).ToHashSet();
        foreach (var gone in _managed.Where(key => !present.Contains(key)).ToList())
        {
            _managed.Remove(gone);
            var slash = gone.IndexOf('/', StringComparison.Ordinal);
            if (client.Get("endpoints", gone[..slash], gone[(slash + 1)..]) is { } endpoints)
            {
                client.Delete("endpoints", endpoints);
            }
        }
    }

    private static string Key(JsonObject obj) => $"{ObjectFields.Namespace(obj)}/{ObjectFields.Name(obj)}";

    private static void Sync(ControllerClient client, JsonObject service)
    {
        var selector = ObjectFields.Selector(service["spec"]?["selector"])!;
        var publishNotReady = ObjectFields.IsTrue(service["spec"]?["publishNotReadyAddresses"]);
        var ports = (service["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        // Pods with the same resolved ports share a subset, as the controller packs them.
        var subsets = new Dictionary<string, (JsonArray Ports, List<JsonObject> Ready, List<JsonObject> NotReady)>();
        var pods = client.List("pods", ObjectFields.Namespace(service),
            p => selector.Matches(ObjectFields.Labels(p)) && !ObjectFields.IsDeleting(p) && !PodState.IsTerminal(p) &&
                 !string.IsNullOrEmpty((string?)p["status"]?["podIP"]));
        foreach (var pod in pods)
        {
            var podPorts = new JsonArray();
            foreach (var port in ports)
            {
                if (TargetPort(port, pod) is not { } number)
                {
                    continue;
                }
                var endpointPort = new JsonObject();
                if ((string?)port["name"] is { Length: > 0 } name)
                {
                    endpointPort["name"] = name;
                }
                endpointPort["port"] = number;
                endpointPort["protocol"] = (string?)port["protocol"] ?? "TCP";
                if (port["appProtocol"] is { } appProtocol)
                {
                    endpointPort["appProtocol"] = appProtocol.DeepClone();
                }
                podPorts.Add(endpointPort);
            }
            if (ports.Count > 0 && podPorts.Count == 0)
            {
                continue;
            }
            var key = podPorts.ToJsonString();
            if (!subsets.TryGetValue(key, out var subset))
            {
                subset = (podPorts, [], []);
                subsets[key] = subset;
            }
            (PodState.IsReady(pod) || publishNotReady ? subset.Ready : subset.NotReady).Add(Address(pod, service));
        }
        var subsetArray = new JsonArray();
        foreach (var (_, (subsetPorts, ready, notReady)) in subsets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var subset = new JsonObject();
            if (ready.Count > 0)
            {
                subset["addresses"] = Sorted(ready);
            }
            if (notReady.Count > 0)
            {
                subset["notReadyAddresses"] = Sorted(notReady);
            }
            if (subsetPorts.Count > 0)
            {
                subset["ports"] = subsetPorts.DeepClone();
            }
            subsetArray.Add(subset);
        }
        var labels = service["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        if ((string?)service["spec"]?["clusterIP"] == "None")
        {
            labels["service.kubernetes.io/headless"] = "";
        }
        var existing = client.Get("endpoints", ObjectFields.Namespace(service), ObjectFields.Name(service));
        if (existing is null)
        {
            var created = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = ObjectFields.Name(service), ["namespace"] = ObjectFields.Namespace(service) },
            };
            if (labels.Count > 0)
            {
                created["metadata"]!["labels"] = labels;
            }
            if (subsetArray.Count > 0)
            {
                created["subsets"] = subsetArray;
            }
            client.Create("endpoints", created);
            return;
        }
        var changed = existing.DeepClone().AsObject();
        if (labels.Count > 0)
        {
            changed["metadata"]!["labels"] = labels;
        }
        else
        {
            ObjectFields.Metadata(changed).Remove("labels");
        }
        if (subsetArray.Count > 0)
        {
            changed["subsets"] = subsetArray;
        }
        else
        {
            changed.Remove("subsets");
        }
        client.Update("endpoints", changed);
    }

    /// <summary>A number, or a name looked up among the pod's container ports (null when the pod has no such port).</summary>
    private static long? TargetPort(JsonObject servicePort, JsonObject pod)
    {
        var target = servicePort["targetPort"] ?? servicePort["port"];
        if (target is JsonValue value && value.TryGetValue<long>(out var number))
        {
            return number;
        }
        var name = target?.ToString();
        if (long.TryParse(name, out var numeric))
        {
            return numeric;
        }
        var protocol = (string?)servicePort["protocol"] ?? "TCP";
        return (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(p => (string?)p["name"] == name && ((string?)p["protocol"] ?? "TCP") == protocol)
            .Select(p => (long?)ObjectFields.Long(p["containerPort"]))
            .FirstOrDefault();
    }

    private static JsonObject Address(JsonObject pod, JsonObject service)
    {
        var address = new JsonObject { ["ip"] = (string?)pod["status"]?["podIP"] };
        var spec = pod["spec"];
        if ((string?)spec?["hostname"] is { Length: > 0 } hostname && (string?)spec?["subdomain"] == ObjectFields.Name(service))
        {
            address["hostname"] = hostname;
        }
        if ((string?)spec?["nodeName"] is { Length: > 0 } node)
        {
            address["nodeName"] = node;
        }
        address["targetRef"] = new JsonObject
        {
            ["kind"] = "Pod",
            ["namespace"] = ObjectFields.Namespace(pod),
            ["name"] = ObjectFields.Name(pod),
            ["uid"] = ObjectFields.Uid(pod),
        };
        return address;
    }

    private static JsonArray Sorted(List<JsonObject> addresses) =>
        new(addresses
            .OrderBy(a => IPAddress.TryParse((string?)a["ip"], out var ip) ? ip.GetAddressBytes() : [], ByteOrder.Instance)
            .ThenBy(a => (string?)a["targetRef"]?["uid"], StringComparer.Ordinal)
            .Select(a => (JsonNode)a)
            .ToArray());

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
