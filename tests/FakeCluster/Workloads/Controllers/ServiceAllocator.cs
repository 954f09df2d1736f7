using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// What the API server allocates when a Service is created: a cluster IP from the service range 10.96.0.0/12
/// (unless headless or ExternalName) and, for NodePort and LoadBalancer services, node ports from 30000-32767;
/// addresses and ports asked for explicitly must be free and in range.
/// </summary>
public static class ServiceAllocator
{
    private const uint RangeStart = 0x0A600000; // 10.96.0.0
    private const uint RangeSize = 1u << 20;    // a /12
    private const int FirstNodePort = 30000;
    private const int LastNodePort = 32767;

    /// <summary>Fills in spec.clusterIP(s) and node ports of a new Service; throws a 422 StatusError for a taken or foreign one.</summary>
    public static void Allocate(ObjectStore store, JsonObject service, Random random)
    {
        var spec = ObjectDefaults.Ensure(service, "spec");
        var name = (string?)service["metadata"]?["name"] ?? "";
        var type = (string?)spec["type"] ?? "ClusterIP";
        if (type == "ExternalName")
        {
            return;
        }
        var existing = store.List(ServicesResource, null, _ => true).Select(s => s.Object).ToList();
        AllocateClusterIp(spec, name, existing, random);
        if (type is "NodePort" or "LoadBalancer")
        {
            spec["externalTrafficPolicy"] ??= "Cluster";
            if (type == "LoadBalancer")
            {
                spec["allocateLoadBalancerNodePorts"] ??= true;
            }
            AllocateNodePorts(spec, name, existing, random);
        }
    }

    private static void AllocateClusterIp(JsonObject spec, string name, List<JsonObject> existing, Random random)
    {
        var asked = (string?)spec["clusterIP"] ?? (string?)spec["clusterIPs"]?[0];
        if (asked == "None")
        {
            spec["clusterIP"] = "None";
            spec["clusterIPs"] = new JsonArray("None");
            return;
        }
        var used = existing.Select(s => (string?)s["spec"]?["clusterIP"]).Where(ip => ip is not null).ToHashSet();
        if (!string.IsNullOrEmpty(asked))
        {
            if (!IPAddress.TryParse(asked, out var address) || address.GetAddressBytes().Length != 4 ||
                BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) - RangeStart >= RangeSize)
            {
                throw Invalid(name, "spec.clusterIPs", $"Invalid value: []string{{\"{asked}\"}}: failed to allocate IP {asked}: the provided IP ({asked}) is not in the valid range. The range of valid IPs is 10.96.0.0/12");
            }
            if (used.Contains(asked))
            {
                throw Invalid(name, "spec.clusterIPs", $"Invalid value: []string{{\"{asked}\"}}: failed to allocate IP {asked}: provided IP is already allocated");
            }
        }
        else
        {
            do
            {
                // Skip the network address and the first few, which clusters keep for the kubernetes and DNS services.
                var offset = (uint)random.Next(16, (int)RangeSize - 1);
                var bytes = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(bytes, RangeStart + offset);
                asked = new IPAddress(bytes).ToString();
            }
            while (used.Contains(asked));
        }
        spec["clusterIP"] = asked;
        spec["clusterIPs"] = new JsonArray(asked);
    }

    private static void AllocateNodePorts(JsonObject spec, string name, List<JsonObject> existing, Random random)
    {
        var used = existing
            .SelectMany(s => (s["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(p => ObjectFields.Long(p["nodePort"]))
            .Where(p => p > 0)
            .ToHashSet();
        var ports = (spec["ports"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        for (var i = 0; i < ports.Count; i++)
        {
            var asked = ObjectFields.Long(ports[i]["nodePort"]);
            if (asked != 0)
            {
                if (asked is < FirstNodePort or > LastNodePort)
                {
                    throw Invalid(name, $"spec.ports[{i}].nodePort", $"Invalid value: {asked}: provided port is not in the valid range. The range of valid ports is {FirstNodePort}-{LastNodePort}");
                }
                if (!used.Add(asked))
                {
                    throw Invalid(name, $"spec.ports[{i}].nodePort", $"Invalid value: {asked}: provided port is already allocated");
                }
                continue;
            }
            long port;
            do
            {
                port = random.Next(FirstNodePort, LastNodePort + 1);
            }
            while (!used.Add(port));
            ports[i]["nodePort"] = port;
        }
    }

    private static ResourceDefinition ServicesResource { get; } = BuiltInResources.Find("services")!;

    private static StatusError Invalid(string name, string field, string message) =>
        StatusError.Invalid("Service", "", name, [(field, "FieldValueInvalid", message)]);
}
