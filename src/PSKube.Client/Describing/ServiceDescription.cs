using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe service: selector, type, addresses, each port with its target and endpoints, policies, events.</summary>
public sealed class ServiceDescription : KubeDescription
{
    internal ServiceDescription(Service service, Endpoints? endpoints, IReadOnlyList<Event> events, DateTimeOffset now)
        : base(service, events)
    {
        Service = service;
        EndpointsObject = endpoints;
        Ports = (service.Spec?.Ports ?? []).Select(port => new DescribedServicePort(
            string.IsNullOrEmpty(port.Name) ? null : port.Name, port.Port ?? 0, port.Protocol ?? "TCP", port.TargetPort?.ToString() ?? "0",
            port.NodePort is > 0 ? port.NodePort : null, ReadyEndpoints(endpoints, port.Name ?? ""))).ToList();
        Text = Render(now);
    }

    public Service Service { get; }

    /// <summary>The service's Endpoints object; null when there is none (a service without a selector, before its controller ran).</summary>
    public Endpoints? EndpointsObject { get; }

    public string Selector => LabelFormatting.Labels(Service.Spec?.Selector);

    public string? Type => Service.Spec?.Type;

    public string? IPFamilyPolicy => Service.Spec?.IpFamilyPolicy;

    public IReadOnlyList<string> IPFamilies => Service.Spec?.IpFamilies ?? [];

    public string? IP => Service.Spec?.ClusterIP;

    public IReadOnlyList<string> IPs => Service.Spec?.ClusterIPs ?? [];

    /// <summary>Each port with its target port, node port and the ready endpoints behind it.</summary>
    public IReadOnlyList<DescribedServicePort> Ports { get; }

    /// <summary>Every ready endpoint (<c>10.244.0.5:80</c>) of every port.</summary>
    public IReadOnlyList<string> Endpoints => Ports.SelectMany(p => p.Endpoints).ToList();

    public string? SessionAffinity => Service.Spec?.SessionAffinity;

    public string? ExternalTrafficPolicy => Service.Spec?.ExternalTrafficPolicy;

    public string? InternalTrafficPolicy => Service.Spec?.InternalTrafficPolicy;

    // The ready addresses for the port of that name (every address of a subset without ports: a headless service).
    private static IReadOnlyList<string> ReadyEndpoints(Endpoints? endpoints, string portName)
    {
        var list = new List<string>();
        foreach (var subset in endpoints?.Subsets ?? [])
        {
            var addresses = (subset.Addresses ?? []).Select(a => a.Ip ?? "").ToList();
            if (subset.Ports is not { Count: > 0 } ports)
            {
                list.AddRange(addresses);
                continue;
            }
            foreach (var port in ports.Where(p => (p.Name ?? "") == portName))
            {
                list.AddRange(addresses.Select(ip => (ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip) + ":" + port.Port));
            }
        }
        return list;
    }

    // At most three, then how many more.
    private string EndpointsText(DescribedServicePort port)
    {
        if (EndpointsObject is null)
        {
            return DescribeText.None;
        }
        var shown = string.Join(',', port.Endpoints.Take(3));
        return port.Endpoints.Count > 3 ? $"{shown} + {port.Endpoints.Count - 3} more..." : shown;
    }

    private string Render(DateTimeOffset now)
    {
        var w = new DescriptionWriter();
        var spec = Service.Spec;
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Labels("Labels", Service.Metadata?.Labels);
        w.Annotations("Annotations", Service.Metadata?.Annotations);
        w.Field(0, "Selector", Selector);
        w.Field(0, "Type", Type);
        if (IPFamilyPolicy is { } policy)
        {
            w.Field(0, "IP Family Policy", policy);
        }
        w.Field(0, "IP Families", IPFamilies.Count > 0 ? string.Join(',', IPFamilies) : DescribeText.None);
        w.Field(0, "IP", IP);
        w.Field(0, "IPs", IPs.Count > 0 ? string.Join(',', IPs) : DescribeText.None);
        if (spec?.ExternalIPs is { Count: > 0 } externalIPs)
        {
            w.Field(0, "External IPs", string.Join(',', externalIPs));
        }
        if (!string.IsNullOrEmpty(spec?.LoadBalancerIP))
        {
            w.Field(0, "Desired LoadBalancer IP", spec.LoadBalancerIP);
        }
        if (!string.IsNullOrEmpty(spec?.ExternalName))
        {
            w.Field(0, "External Name", spec.ExternalName);
        }
        if (Service.Status?.LoadBalancer?.Ingress is { Count: > 0 } ingress)
        {
            w.Field(0, "LoadBalancer Ingress", string.Join(", ", ingress.Select(i =>
                string.IsNullOrEmpty(i.Ip) ? i.Hostname : i.IpMode is { } mode ? $"{i.Ip} ({mode})" : i.Ip)));
        }
        foreach (var port in Ports)
        {
            var name = port.Name ?? DescribeText.Unset;
            w.Line(0, $"Port:\t{name}\t{port.Port}/{port.Protocol}");
            w.Field(0, "TargetPort", $"{port.TargetPort}/{port.Protocol}");
            if (port.NodePort is { } nodePort)
            {
                w.Line(0, $"NodePort:\t{name}\t{nodePort}/{port.Protocol}");
            }
            w.Field(0, "Endpoints", EndpointsText(port));
        }
        w.Field(0, "Session Affinity", SessionAffinity);
        if (!string.IsNullOrEmpty(ExternalTrafficPolicy))
        {
            w.Field(0, "External Traffic Policy", ExternalTrafficPolicy);
        }
        if (InternalTrafficPolicy is { } internalPolicy)
        {
            w.Field(0, "Internal Traffic Policy", internalPolicy);
        }
        if (spec?.HealthCheckNodePort is > 0)
        {
            w.Field(0, "HealthCheck NodePort", spec.HealthCheckNodePort);
        }
        if (spec?.LoadBalancerSourceRanges is { Count: > 0 } ranges)
        {
            w.Field(0, "LoadBalancer Source Ranges", string.Join(',', ranges));
        }
        EventsSection.Write(w, Events, now);
        return w.ToString();
    }
}

/// <summary>One port of a service: its name (null when unnamed), number, protocol, target, node port, and ready endpoints.</summary>
public sealed record DescribedServicePort(string? Name, int Port, string Protocol, string TargetPort, int? NodePort, IReadOnlyList<string> Endpoints);
