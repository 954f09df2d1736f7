using System.Text.Json.Nodes;
using PSKube.Client.Metrics;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    private const string MetricsGroupVersion = "/apis/metrics.k8s.io/v1beta1";

    /// <summary>
    /// Node usage from metrics.k8s.io (kubectl top nodes): every node, one by name, or those a label selector picks,
    /// with the share of each node's allocatable CPU and memory. Throws <see cref="KubeMetricsUnavailableException"/>
    /// when the cluster serves no metrics API.
    /// </summary>
    public async Task<IReadOnlyList<NodeUsage>> GetNodeUsageAsync(string? name, string? labelSelector, TopSortOrder sortBy, CancellationToken cancellationToken)
    {
        await RequireMetricsAsync(cancellationToken);
        var path = name is null
            ? WithQuery($"{MetricsGroupVersion}/nodes", [("labelSelector", labelSelector)])
            : $"{MetricsGroupVersion}/nodes/{Uri.EscapeDataString(name)}";
        var items = Items(await GetDocumentAsync(path, JsonMediaType, cancellationToken), single: name is not null);
        var nodes = await ListAllAsync<Node>(BuiltInResources.Find("nodes")!, null, new ListOptions { LabelSelector = labelSelector }, cancellationToken);
        var allocatable = nodes.Items.ToDictionary(n => n.Name ?? "", n => n.Allocatable, StringComparer.Ordinal);
        var usage = items.Select(item =>
        {
            var nodeName = (string?)item["metadata"]?["name"] ?? "";
            var cpu = UsageQuantity.Millis((string?)item["usage"]?["cpu"] ?? "0");
            var memory = UsageQuantity.Units((string?)item["usage"]?["memory"] ?? "0");
            var available = allocatable.GetValueOrDefault(nodeName) ?? new Dictionary<string, string>();
            return new NodeUsage(nodeName, cpu, memory,
                Percent(cpu, available.GetValueOrDefault("cpu"), UsageQuantity.Millis),
                Percent(memory, available.GetValueOrDefault("memory"), UsageQuantity.Units),
                Timestamp(item), Window(item));
        });
        return sortBy switch
        {
            TopSortOrder.Cpu => [.. usage.OrderByDescending(u => u.CpuMillicores)],
            TopSortOrder.Memory => [.. usage.OrderByDescending(u => u.MemoryBytes)],
            _ => [.. usage.OrderBy(u => u.Name, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// Pod usage from metrics.k8s.io (kubectl top pods): in one namespace (every namespace when null), one pod by
    /// name, or those a label selector picks; each with its containers. Throws
    /// <see cref="KubeMetricsUnavailableException"/> when the cluster serves no metrics API.
    /// </summary>
    public async Task<IReadOnlyList<PodUsage>> GetPodUsageAsync(string? @namespace, string? name, string? labelSelector, TopSortOrder sortBy, CancellationToken cancellationToken)
    {
        await RequireMetricsAsync(cancellationToken);
        var collection = @namespace is null ? $"{MetricsGroupVersion}/pods" : $"{MetricsGroupVersion}/namespaces/{Uri.EscapeDataString(@namespace)}/pods";
        var path = name is null ? WithQuery(collection, [("labelSelector", labelSelector)]) : $"{collection}/{Uri.EscapeDataString(name)}";
        var usage = Items(await GetDocumentAsync(path, JsonMediaType, cancellationToken), single: name is not null).Select(item =>
        {
            var podNamespace = (string?)item["metadata"]?["namespace"] ?? "";
            var podName = (string?)item["metadata"]?["name"] ?? "";
            var usages = (item["containers"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (Name: (string?)c["name"] ?? "", Cpu: (string?)c["usage"]?["cpu"] ?? "0", Memory: (string?)c["usage"]?["memory"] ?? "0"))
                .ToList();
            var containers = usages.Select(c => new ContainerUsage(podNamespace, podName, c.Name, UsageQuantity.Millis(c.Cpu), UsageQuantity.Units(c.Memory))).ToList();
            // As kubectl, the pod's usage is the sum of the exact quantities, rounded once.
            var cpu = (long)decimal.Ceiling(usages.Sum(c => UsageQuantity.Parse(c.Cpu)) * 1000);
            var memory = (long)decimal.Ceiling(usages.Sum(c => UsageQuantity.Parse(c.Memory)));
            return new PodUsage(podNamespace, podName, cpu, memory, containers, Timestamp(item), Window(item));
        });
        return sortBy switch
        {
            TopSortOrder.Cpu => [.. usage.OrderByDescending(u => u.CpuMillicores)],
            TopSortOrder.Memory => [.. usage.OrderByDescending(u => u.MemoryBytes)],
            _ => [.. usage.OrderBy(u => u.Namespace, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)],
        };
    }

    /// <summary>As kubectl top: the metrics.k8s.io group must be in discovery (metrics-server registers it).</summary>
    private async Task RequireMetricsAsync(CancellationToken cancellationToken)
    {
        var groups = await GetDocumentAsync("/apis", JsonMediaType, cancellationToken);
        var served = (groups?["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(g => (string?)g["name"] == "metrics.k8s.io" && (g["versions"] as JsonArray ?? []).Any(v => (string?)v?["version"] == "v1beta1"));
        if (!served)
        {
            throw new KubeMetricsUnavailableException();
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? document, bool single) =>
        single ? document is JsonObject one ? [one] : [] : (document?["items"] as JsonArray ?? []).OfType<JsonObject>();

    // kubectl: the usage's share of the allocatable amount, in whole percent (truncated); unknown without it.
    private static int? Percent(long used, string? allocatable, Func<string, long> read)
    {
        if (allocatable is null)
        {
            return null;
        }
        var available = read(allocatable);
        return available > 0 ? (int)((double)used / available * 100) : null;
    }

    private static DateTimeOffset Timestamp(JsonObject item) =>
        DateTimeOffset.TryParse((string?)item["timestamp"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : default;

    private static TimeSpan Window(JsonObject item) =>
        KubeDuration.TryParse((string?)item["window"], out var window) ? window.TimeSpan : TimeSpan.Zero;
}
