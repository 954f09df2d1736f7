using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Ingresses: NAME CLASS HOSTS ADDRESS PORTS AGE.</summary>
internal sealed class IngressPrinter : ResourcePrinter<Ingress>
{
    private const int HostsShown = 3;

    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Class", "The name of the IngressClass cluster resource."),
        PrintColumns.Text("Hosts", "Hosts that incoming requests are matched against before the IngressRule is applied."),
        PrintColumns.Text("Address", "Address is a list containing ingress points for the load-balancer."),
        PrintColumns.Text("Ports", "Ports of TLS configurations that open."),
        PrintColumns.Age,
    ];

    /// <summary>The CLASS column: spec.ingressClassName, <c>&lt;none&gt;</c> without one.</summary>
    public static string Class(IngressSpec? spec) => spec?.IngressClassName is { Length: > 0 } name ? name : "<none>";

    /// <summary>The HOSTS column: the rules' hosts, at most three then <c> + N more...</c>; <c>*</c> when no rule names one.</summary>
    public static string Hosts(IngressSpec? spec)
    {
        var hosts = (spec?.Rules ?? []).Select(rule => rule.Host).OfType<string>().Where(host => host.Length > 0).ToList();
        if (hosts.Count == 0)
        {
            return "*";
        }

        var shown = string.Join(",", hosts.Take(HostsShown));
        return hosts.Count > HostsShown ? $"{shown} + {hosts.Count - HostsShown} more..." : shown;
    }

    /// <summary>The ADDRESS column: the load balancer's IPs or host names, comma-separated; empty until it has one.</summary>
    public static string Address(IngressStatus? status) =>
        string.Join(",", (status?.LoadBalancer?.Ingress ?? []).Select(point => point.Ip is { Length: > 0 } ip ? ip : point.Hostname ?? string.Empty));

    /// <summary>The PORTS column: <c>80</c>, or <c>80, 443</c> when the ingress terminates TLS.</summary>
    public static string Ports(IngressSpec? spec) => spec?.Tls is { Count: > 0 } ? "80, 443" : "80";

    protected override object?[] RowOf(Ingress obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), Class(obj.Spec), Hosts(obj.Spec), Address(obj.Status), Ports(obj.Spec), PrintCells.Age(obj, now)];
}
