using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and SELECTOR when wide.</summary>
internal sealed class ServicePrinter : ResourcePrinter<Service>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Type", "ClusterIP, NodePort, LoadBalancer or ExternalName."),
        PrintColumns.Text("Cluster-IP", "The service's virtual IP inside the cluster."),
        PrintColumns.Text("External-IP", "Addresses that reach the service from outside the cluster."),
        PrintColumns.Text("Port(s)", "The service's ports, with node ports, and protocols."),
        PrintColumns.Age,
        PrintColumns.Wide("Selector", "The labels of the pods that back the service."),
    ];

    protected override object?[] RowOf(Service obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.Type, obj.ClusterIP, obj.ExternalIP, obj.Ports, PrintCells.Age(obj, now), obj.Selector];

    // The API server defaults the type to ClusterIP before any printer sees the service.
    internal static string Type(ServiceSpec? spec) => string.IsNullOrEmpty(spec?.Type) ? "ClusterIP" : spec.Type;

    internal static string ClusterIP(ServiceSpec? spec)
    {
        var clusterIP = spec?.ClusterIPs is [var first, ..] ? first : spec?.ClusterIP;
        return string.IsNullOrEmpty(clusterIP) ? PrintCells.None : clusterIP;
    }

    // The server prints every table as -o wide, so load-balancer addresses are never shortened to 16 characters.
    internal static string ExternalIP(ServiceSpec? spec, ServiceStatus? status)
    {
        var externalIPs = spec?.ExternalIPs ?? [];
        switch (Type(spec))
        {
            case "ClusterIP" or "NodePort":
                return externalIPs.Count > 0 ? string.Join(',', externalIPs) : PrintCells.None;
            case "LoadBalancer":
                var ingressAddresses = (status?.LoadBalancer?.Ingress ?? [])
                    .Select(ingress => string.IsNullOrEmpty(ingress.Ip) ? ingress.Hostname : ingress.Ip)
                    .Where(address => !string.IsNullOrEmpty(address))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (externalIPs.Count > 0)
                {
                    return string.Join(',', ingressAddresses.Concat(externalIPs));
                }

                return ingressAddresses.Count > 0 ? string.Join(',', ingressAddresses) : "<pending>";
            case "ExternalName":
                return spec?.ExternalName ?? string.Empty;
            default:
                return PrintCells.Unknown;
        }
    }

    internal static string Ports(ServiceSpec? spec)
    {
        var ports = string.Join(',', (spec?.Ports ?? []).Select(port =>
        {
            // The API server defaults the protocol to TCP.
            var protocol = string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;
            return port.NodePort > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{port.Port ?? 0}:{port.NodePort}/{protocol}")
                : string.Create(CultureInfo.InvariantCulture, $"{port.Port ?? 0}/{protocol}");
        }));
        return ports.Length == 0 ? PrintCells.None : ports;
    }
}
