using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>The node's pod IPs from its podCIDR 10.244.0.0/24, handed out in turn as host-local IPAM does.</summary>
public sealed class PodAddresses
{
    private const string Prefix = "10.244.0.";
    private const int First = 2;
    private const int Last = 254;
    private readonly HashSet<int> _inUse = [];
    private int _next = First;

    public string Allocate()
    {
        for (var tried = 0; tried <= Last - First; tried++)
        {
            var host = _next;
            _next = _next == Last ? First : _next + 1;
            if (_inUse.Add(host))
            {
                return Prefix + host.ToString(CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("The node's pod CIDR has no free address.");
    }

    public void Release(string address)
    {
        if (address.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(address[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var host))
        {
            _inUse.Remove(host);
        }
    }
}
