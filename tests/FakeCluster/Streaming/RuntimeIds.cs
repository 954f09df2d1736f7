using System.Security.Cryptography;
using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The container runtime's identifiers that show up in its error messages: 64 hex digits like containerd's, derived
/// from the pod's uid so messages repeat from run to run.
/// </summary>
public static class RuntimeIds
{
    private static long _execCount;

    public static string Sandbox(string podUid) => Hex("sandbox/" + podUid);

    /// <summary>The network namespace path containerd gives the pod's sandbox.</summary>
    public static string NetworkNamespace(string podUid)
    {
        var hex = Hex("netns/" + podUid);
        return $"/var/run/netns/cni-{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>A fresh id for one exec process.</summary>
    public static string Exec(string podUid, string container) =>
        Hex($"exec/{podUid}/{container}/{Interlocked.Increment(ref _execCount)}");

    private static string Hex(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
