using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Endpoints: NAME ENDPOINTS AGE, with at most three addresses and "+ N more...".</summary>
internal sealed class EndpointsPrinter : ResourcePrinter<Endpoints>
{
    private const int Shown = 3;

    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Text("Endpoints", "The ready addresses, with their ports."),
        PrintColumns.Age,
    ];

    protected override object?[] RowOf(Endpoints obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), obj.EndpointList, PrintCells.Age(obj, now)];

    internal static string Addresses(List<EndpointSubset>? subsets)
    {
        if (subsets is null || subsets.Count == 0)
        {
            return PrintCells.None;
        }

        // Every address counts towards "+ N more", once per port.
        var all = subsets.SelectMany(subset =>
        {
            var addresses = subset.Addresses ?? [];
            var ports = subset.Ports ?? [];

            // A headless service may have no ports: then only the IPs are listed.
            return ports.Count == 0
                ? addresses.Select(address => address.Ip ?? string.Empty)
                : ports.SelectMany(port => addresses.Select(address => HostPort(address.Ip ?? string.Empty, port.Port ?? 0)));
        }).ToList();

        var shown = string.Join(',', all.Take(Shown));
        return all.Count > Shown
            ? string.Create(CultureInfo.InvariantCulture, $"{shown} + {all.Count - Shown} more...")
            : shown;
    }

    // Like Go's net.JoinHostPort: IPv6 addresses go in brackets.
    private static string HostPort(string ip, int port) =>
        ip.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{ip}]:{port}")
            : string.Create(CultureInfo.InvariantCulture, $"{ip}:{port}");
}
