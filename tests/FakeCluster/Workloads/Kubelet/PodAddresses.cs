using System.Globalization;
using System.Net;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// One node's pod IPs from its podCIDR (e.g. 10.244.3.0/24), handed out in turn as host-local IPAM does: the first
/// address is the bridge's, the last the broadcast, the ones between go to pods.
/// </summary>
public sealed class PodAddresses
{
    private readonly uint _first;
    private readonly uint _last;
    private readonly HashSet<uint> _inUse = [];
    private uint _next;

    public PodAddresses(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = ToNumber(IPAddress.Parse(cidr[..slash]));
        var prefix = int.Parse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        var size = 1u << (32 - prefix);
        _first = network + 2;
        _last = network + size - 2;
        _next = _first;
    }

    /// <summary>The next free address; null when every one is taken (the pod's sandbox cannot be made).</summary>
    public string? Allocate()
    {
        for (var tried = 0u; tried <= _last - _first; tried++)
        {
            var host = _next;
            _next = _next == _last ? _first : _next + 1;
            if (_inUse.Add(host))
            {
                return ToAddress(host);
            }
        }
        return null;
    }

    public void Release(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            _inUse.Remove(ToNumber(ip));
        }
    }

    private static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string ToAddress(uint number) =>
        new IPAddress([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]).ToString();
}
