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

    protected override object?[] RowOf(Service obj, DateTimeOffset now)
    {
        var spec = obj.Spec;

        // The API server defaults the type to ClusterIP before any printer sees the service.
        var type = string.IsNullOrEmpty(spec?.Type) ? "ClusterIP" : spec.Type;
        var clusterIP = spec?.ClusterIPs is [var first, ..] ? first : spec?.ClusterIP;
        var ports = PortsText(spec?.Ports ?? []);
        return
        [
            PrintCells.Name(obj),
            type,
            string.IsNullOrEmpty(clusterIP) ? PrintCells.None : clusterIP,
            ExternalIP(type, spec, obj.Status),
            ports.Length == 0 ? PrintCells.None : ports,
            PrintCells.Age(obj, now),
            LabelFormatting.Labels(spec?.Selector),
        ];
    }

    // The server prints every table as -o wide, so load-balancer addresses are never shortened to 16 characters.
    private static string ExternalIP(string type, ServiceSpec? spec, ServiceStatus? status)
    {
        var externalIPs = spec?.ExternalIPs ?? [];
        switch (type)
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

    private static string PortsText(IEnumerable<ServicePort> ports) =>
        string.Join(',', ports.Select(port =>
        {
            // The API server defaults the protocol to TCP.
            var protocol = string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;
            return port.NodePort > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{port.Port ?? 0}:{port.NodePort}/{protocol}")
                : string.Create(CultureInfo.InvariantCulture, $"{port.Port ?? 0}/{protocol}");
        }));
}
