using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Metrics;
using PSKube.Client.Validation;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The API server's LimitRanger admission plugin for new pods: containers get the defaults of their namespace's
/// Container limit ranges for what they leave unset, then every container (Container items) and the pod as a whole
/// (Pod items) must keep within min, max and maxLimitRequestRatio, or the pod is refused with 403 Forbidden.
/// Pod updates are not checked, as on a real server (their containers' resources cannot change).
/// </summary>
public static class LimitRanger
{
    private const string Annotation = "kubernetes.io/limit-ranger";

    /// <summary>
    /// Fills in each container's missing requests and limits from each Container limit range in turn, noting what
    /// was set in the kubernetes.io/limit-ranger annotation; the QoS class follows the new resources.
    /// </summary>
    public static void SetDefaults(JsonObject pod, IReadOnlyList<JsonObject> limitRanges)
    {
        if (limitRanges.Count == 0 || pod["spec"] is not JsonObject spec)
        {
            return;
        }
        foreach (var limitRange in limitRanges)
        {
            var (requests, limits) = ContainerDefaults(limitRange);
            var notes = new List<string>();
            foreach (var (listName, title) in new[] { ("containers", "container"), ("initContainers", "init container") })
            {
                foreach (var container in Containers(spec, listName))
                {
                    var resources = ObjectDefaults.Ensure(container, "resources");
                    var setLimits = Fill(resources, "limits", limits);
                    var setRequests = Fill(resources, "requests", requests);
                    var name = (string?)container["name"];
                    if (setRequests.Count > 0)
                    {
                        notes.Add($"{string.Join(", ", setRequests)} request for {title} {name}");
                    }
                    if (setLimits.Count > 0)
                    {
                        notes.Add($"{string.Join(", ", setLimits)} limit for {title} {name}");
                    }
                }
            }
            if (notes.Count > 0)
            {
                ObjectDefaults.Ensure(ObjectDefaults.Ensure(pod, "metadata"), "annotations")[Annotation] = "LimitRanger plugin set: " + string.Join("; ", notes);
            }
        }
        if (pod["status"] is JsonObject status)
        {
            status["qosClass"] = ObjectDefaults.QosClass(spec);
        }
    }

    /// <summary>Refuses a pod that breaks a bound of one of the limit ranges, with every problem of the first such one.</summary>
    public static void Check(JsonObject pod, IReadOnlyList<JsonObject> limitRanges)
    {
        if (pod["spec"] is not JsonObject spec)
        {
            return;
        }
        foreach (var limitRange in limitRanges)
        {
            var problems = new List<string>();
            foreach (var item in Items(limitRange))
            {
                switch ((string?)item["type"])
                {
                    case "Container":
                        foreach (var container in Containers(spec, "containers").Concat(Containers(spec, "initContainers")))
                        {
                            Bounds(item, "Container", Quantities(container["resources"]?["requests"]), Quantities(container["resources"]?["limits"]), problems);
                        }
                        break;
                    case "Pod":
                        Bounds(item, "Pod", PodTotal(spec, "requests"), PodTotal(spec, "limits"), problems);
                        break;
                }
            }
            if (problems.Count > 0)
            {
                var name = (string?)pod["metadata"]?["name"] ?? "";
                var message = problems.Count == 1 ? problems[0] : "[" + string.Join(", ", problems) + "]";
                throw new StatusError(403, "Forbidden", $"pods \"{name}\" is forbidden: {message}", new JsonObject { ["name"] = name, ["kind"] = "pods" });
            }
        }
    }

    // Resources are checked by name; the API server goes through them in a Go map's order, which varies.
    private static void Bounds(JsonObject item, string type, Dictionary<string, string> requests, Dictionary<string, string> limits, List<string> problems)
    {
        foreach (var (resource, min) in Quantities(item["min"]).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!requests.TryGetValue(resource, out var request))
            {
                problems.Add($"minimum {resource} usage per {type} is {Text(min)}.  No request is specified");
            }
            else if (Milli(request) < Milli(min))
            {
                problems.Add($"minimum {resource} usage per {type} is {Text(min)}, but request is {Text(request)}");
            }
            else if (limits.TryGetValue(resource, out var limit) && Milli(limit) < Milli(min))
            {
                problems.Add($"minimum {resource} usage per {type} is {Text(min)}, but limit is {Text(limit)}");
            }
        }
        foreach (var (resource, max) in Quantities(item["max"]).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!limits.TryGetValue(resource, out var limit))
            {
                problems.Add($"maximum {resource} usage per {type} is {Text(max)}.  No limit is specified");
            }
            else if (Milli(limit) > Milli(max))
            {
                problems.Add($"maximum {resource} usage per {type} is {Text(max)}, but limit is {Text(limit)}");
            }
            else if (requests.TryGetValue(resource, out var request) && Milli(request) > Milli(max))
            {
                problems.Add($"maximum {resource} usage per {type} is {Text(max)}, but request is {Text(request)}");
            }
        }
        foreach (var (resource, ratio) in Quantities(item["maxLimitRequestRatio"]).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var request = requests.TryGetValue(resource, out var r) ? Milli(r) : 0;
            var limit = limits.TryGetValue(resource, out var l) ? Milli(l) : 0;
            if (request == 0)
            {
                problems.Add($"{resource} max limit to request ratio per {type} is {Text(ratio)}, but no request is specified or request is 0");
            }
            else if (limit == 0)
            {
                problems.Add($"{resource} max limit to request ratio per {type} is {Text(ratio)}, but no limit is specified or limit is 0");
            }
            else if (limit / request * 1000 > Milli(ratio))
            {
                var observed = ((double)limit / (double)request).ToString("F6", CultureInfo.InvariantCulture);
                problems.Add($"{resource} max limit to request ratio per {type} is {Text(ratio)}, but provided ratio is {observed}");
            }
        }
    }

    /// <summary>
    /// What the pod as a whole asks for: its containers' sum, or an init container's own amount where that is more
    /// (init containers run one at a time, before the others); a resource no container names is left out.
    /// </summary>
    private static Dictionary<string, string> PodTotal(JsonObject spec, string kind)
    {
        var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var binary = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (listName, add) in new (string, Func<decimal, decimal, decimal>)[] { ("containers", (a, b) => a + b), ("initContainers", Math.Max) })
        {
            foreach (var container in Containers(spec, listName))
            {
                foreach (var (resource, quantity) in Quantities(container["resources"]?[kind]))
                {
                    total[resource] = add(total.GetValueOrDefault(resource), UsageQuantity.Parse(quantity));
                    binary.TryAdd(resource, quantity.EndsWith('i'));
                }
            }
        }
        return total.ToDictionary(p => p.Key, p => Written(p.Value, binary[p.Key]), StringComparer.Ordinal);
    }

    // A sum as the API server writes it: in the largest binary unit that divides it (3Gi) when the first was binary.
    private static string Written(decimal value, bool binary)
    {
        string[] units = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        var unit = 0;
        while (binary && value != 0 && decimal.Truncate(value) == value && value % 1024 == 0 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var text = value.ToString(CultureInfo.InvariantCulture) + units[unit];
        return QuantityText.Canonicalize(text, out _) ?? text;
    }

    // The defaults of the Container items: defaultRequest for requests, default for limits.
    private static (Dictionary<string, string> Requests, Dictionary<string, string> Limits) ContainerDefaults(JsonObject limitRange)
    {
        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        var limits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items(limitRange).Where(i => (string?)i["type"] == "Container"))
        {
            foreach (var (resource, quantity) in Quantities(item["defaultRequest"]))
            {
                requests[resource] = quantity;
            }
            foreach (var (resource, quantity) in Quantities(item["default"]))
            {
                limits[resource] = quantity;
            }
        }
        return (requests, limits);
    }

    // Sets what is missing from resources.requests or .limits; the names set, sorted.
    private static List<string> Fill(JsonObject resources, string kind, Dictionary<string, string> defaults)
    {
        var set = new List<string>();
        foreach (var (resource, quantity) in defaults.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (resources[kind]?[resource] is null)
            {
                ObjectDefaults.Ensure(resources, kind)[resource] = quantity;
                set.Add(resource);
            }
        }
        return set;
    }

    private static IEnumerable<JsonObject> Items(JsonObject limitRange) =>
        (limitRange["spec"]?["limits"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static IEnumerable<JsonObject> Containers(JsonObject spec, string listName) =>
        (spec[listName] as JsonArray)?.OfType<JsonObject>() ?? [];

    // Text that is no quantity is left out: refusing it is validation's part, and this cluster validates no pod quantities.
    private static Dictionary<string, string> Quantities(JsonNode? node) =>
        (node as JsonObject)?.Where(p => p.Value is JsonValue && IsQuantity(p.Value.ToString()))
            .ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static bool IsQuantity(string text)
    {
        try
        {
            UsageQuantity.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Compared in thousandths rounded up, as the plugin compares them.
    private static decimal Milli(string quantity) => decimal.Ceiling(UsageQuantity.Parse(quantity) * 1000);

    private static string Text(string quantity) => QuantityText.Canonicalize(quantity, out _) ?? quantity;
}
