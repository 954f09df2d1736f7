using System.Text.Json.Nodes;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Workloads.Scheduling;

/// <summary>
/// What a pod asks of a node, as the scheduler counts it: the sum of its containers' requests, or an init
/// container's if larger (they run one at a time); a request left out is its limit, as API defaulting makes it.
/// </summary>
public readonly record struct PodRequests(long MilliCpu, long MemoryBytes)
{
    // The scheduler's stand-ins for a container without requests when it scores nodes (not when it checks fit).
    private const long DefaultMilliCpu = 100;
    private const long DefaultMemoryBytes = 200L * 1024 * 1024;

    public static PodRequests Of(JsonNode? podSpec) => Sum(podSpec, nonZero: false);

    /// <summary>The requests with the scheduler's defaults for containers that have none, to spread such pods.</summary>
    public static PodRequests ForScoring(JsonNode? podSpec) => Sum(podSpec, nonZero: true);

    public static PodRequests operator +(PodRequests a, PodRequests b) => new(a.MilliCpu + b.MilliCpu, a.MemoryBytes + b.MemoryBytes);

    public static PodRequests operator -(PodRequests a, PodRequests b) => new(a.MilliCpu - b.MilliCpu, a.MemoryBytes - b.MemoryBytes);

    /// <summary>A quantity as millicores (cpu) or bytes (memory); 0 when absent or unreadable.</summary>
    public static long Parse(string? quantity, bool cpu) =>
        quantity is not null && QuotaQuantity.TryParse(quantity, out var value)
            ? (long)decimal.Ceiling(cpu ? value * 1000 : value)
            : 0;

    private static PodRequests Sum(JsonNode? podSpec, bool nonZero)
    {
        var containers = Containers(podSpec?["containers"]).Select(c => Container(c, nonZero)).Aggregate(new PodRequests(), (a, b) => a + b);
        foreach (var init in Containers(podSpec?["initContainers"]).Select(c => Container(c, nonZero)))
        {
            containers = new PodRequests(Math.Max(containers.MilliCpu, init.MilliCpu), Math.Max(containers.MemoryBytes, init.MemoryBytes));
        }
        return containers;
    }

    private static PodRequests Container(JsonObject container, bool nonZero)
    {
        var resources = container["resources"];
        string? Quantity(string name) => resources?["requests"]?[name]?.ToString() ?? resources?["limits"]?[name]?.ToString();
        var cpu = Quantity("cpu");
        var memory = Quantity("memory");
        return new PodRequests(
            cpu is null && nonZero ? DefaultMilliCpu : Parse(cpu, cpu: true),
            memory is null && nonZero ? DefaultMemoryBytes : Parse(memory, cpu: false));
    }

    private static IEnumerable<JsonObject> Containers(JsonNode? list) => (list as JsonArray)?.OfType<JsonObject>() ?? [];
}
