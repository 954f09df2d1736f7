using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Workloads.Kubelet;

namespace PSKube.FakeCluster.Metrics;

/// <summary>
/// metrics.k8s.io/v1beta1 as metrics-server serves it behind the API server's aggregation layer: NodeMetrics and
/// PodMetrics (get and list, label and field selectors), from the usage the simulated kubelet reports. Values are
/// written as metrics-server writes them: CPU in nanocores ("100000n"), memory in kibibytes ("512Ki").
/// </summary>
public sealed class MetricsApi(FakeClusterServices services)
{
    public const string Group = "metrics.k8s.io";
    public const string Version = "v1beta1";

    // The node's own daemons (kubelet, container runtime, system pods the fake does not run) use some too.
    private const long SystemNanoCores = 50_000_000;
    private const long SystemMemoryBytes = 600L * 1024 * 1024;

    // metrics-server's resolution: the rate over the window between its last two scrapes.
    private const string Window = "15s";

    public static ResourceDefinition NodeMetrics { get; } = new(Group, Version, "NodeMetrics", "nodes", "", false, ["get", "list"], [], [], []);

    public static ResourceDefinition PodMetrics { get; } = new(Group, Version, "PodMetrics", "pods", "", true, ["get", "list"], [], [], []);

    /// <summary>The two resource types, for discovery.</summary>
    public static IReadOnlyList<ResourceDefinition> Resources { get; } = [NodeMetrics, PodMetrics];

    /// <summary>Serves /apis/metrics.k8s.io/v1beta1/...; <paramref name="rest"/> is the path after the version.</summary>
    public async Task HandleAsync(HttpContext context, string[] rest)
    {
        if (context.Request.Method != HttpMethods.Get)
        {
            throw new StatusError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }
        JsonObject document = rest switch
        {
            ["nodes"] => List("NodeMetricsList", Nodes(context.Request)),
            ["nodes", var name] => Single(Nodes(context.Request).FirstOrDefault(n => (string?)n["metadata"]!["name"] == name), "NodeMetrics", "nodemetrics", name),
            ["pods"] => List("PodMetricsList", Pods(context.Request, null)),
            ["namespaces", var ns, "pods"] => List("PodMetricsList", Pods(context.Request, ns)),
            ["namespaces", var ns, "pods", var name] =>
                Single(Pods(context.Request, ns).FirstOrDefault(p => (string?)p["metadata"]!["name"] == name), "PodMetrics", "podmetrics", name),
            _ => throw new StatusError(404, "NotFound", "the server could not find the requested resource"),
        };
        await HttpJson.WriteAsync(context, 200, document);
    }

    private static JsonObject List(string kind, IEnumerable<JsonObject> items) => new()
    {
        ["kind"] = kind,
        ["apiVersion"] = $"{Group}/{Version}",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. items]),
    };

    private static JsonObject Single(JsonObject? item, string kind, string resource, string name)
    {
        if (item is null)
        {
            throw new StatusError(404, "NotFound", $"{resource}.{Group} \"{name}\" not found",
                new JsonObject { ["name"] = name, ["group"] = Group, ["kind"] = resource });
        }
        var document = new JsonObject { ["kind"] = kind, ["apiVersion"] = $"{Group}/{Version}" };
        foreach (var (key, value) in item)
        {
            document[key] = value?.DeepClone();
        }
        return document;
    }

    private List<JsonObject> Pods(HttpRequest request, string? @namespace)
    {
        var query = ListQuery.From(request, PodMetrics);
        var result = new List<JsonObject>();
        lock (services.Store.Gate)
        {
            var podResource = services.Resources.First(r => r.Group.Length == 0 && r.Plural == "pods");
            foreach (var usage in services.ResourceUsage.Pods.Where(u => @namespace is null || u.Namespace == @namespace)
                         .OrderBy(u => u.Namespace, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal))
            {
                var pod = services.Store.Get(podResource, usage.Namespace, usage.Name);
                var item = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = usage.Name,
                        ["namespace"] = usage.Namespace,
                        ["creationTimestamp"] = KubeTime.Format(usage.At),
                        ["labels"] = pod?["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                    },
                    ["timestamp"] = KubeTime.Format(usage.At),
                    ["window"] = Window,
                    ["containers"] = new JsonArray([.. usage.Containers.Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c.Name,
                        ["usage"] = Usage(c.CpuNanoCores, c.MemoryBytes),
                    })]),
                };
                if (query.Matches(item))
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    private List<JsonObject> Nodes(HttpRequest request)
    {
        var query = ListQuery.From(request, NodeMetrics);
        var result = new List<JsonObject>();
        lock (services.Store.Gate)
        {
            var nodeResource = services.Resources.First(r => r.Group.Length == 0 && r.Plural == "nodes");
            var pods = services.ResourceUsage.Pods;
            var now = services.Clock.Now;
            foreach (var (_, node) in services.Store.List(nodeResource, null, _ => true))
            {
                var name = (string?)node["metadata"]?["name"] ?? "";
                var onNode = pods.Where(p => p.Node == name).SelectMany(p => p.Containers).ToList();
                var item = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = name,
                        ["creationTimestamp"] = KubeTime.Format(now),
                        ["labels"] = node["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                    },
                    ["timestamp"] = KubeTime.Format(now),
                    ["window"] = Window,
                    ["usage"] = Usage(SystemNanoCores + onNode.Sum(c => c.CpuNanoCores), SystemMemoryBytes + onNode.Sum(c => c.MemoryBytes)),
                };
                if (query.Matches(item))
                {
                    result.Add(item);
                }
            }
        }
        return result;
    }

    private static JsonObject Usage(long nanoCores, long memoryBytes) => new()
    {
        ["cpu"] = nanoCores.ToString(CultureInfo.InvariantCulture) + "n",
        ["memory"] = (memoryBytes % 1024 == 0 ? (memoryBytes / 1024).ToString(CultureInfo.InvariantCulture) + "Ki" : memoryBytes.ToString(CultureInfo.InvariantCulture)),
    };
}
