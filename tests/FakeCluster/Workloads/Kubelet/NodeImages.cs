using System.Security.Cryptography;
using System.Text;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// The images on the node: when each one is (or will be) present, how long a pull takes and what it weighs.
/// A pull's time depends on the image size; checking an image that is already there (policy Always) is quick.
/// </summary>
public sealed class NodeImages
{
    private readonly Dictionary<string, DateTimeOffset> _presentFrom = new(StringComparer.Ordinal);

    /// <summary>
    /// Decides whether a container start pulls <paramref name="image"/>. Returns when the image is ready and how
    /// long the pull took, or null for no pull (the image is there or another container is pulling it).
    /// </summary>
    public (DateTimeOffset ReadyAt, TimeSpan? PullTook) Prepare(string image, string pullPolicy, DateTimeOffset at)
    {
        var key = ImageReference.Normalized(image);
        var known = _presentFrom.TryGetValue(key, out var presentFrom);
        if (known && pullPolicy != "Always")
        {
            return (presentFrom > at ? presentFrom : at, null);
        }
        var took = known ? TimeSpan.FromMilliseconds(300 + (Size(image) % 200)) : TimeSpan.FromMilliseconds(1500 + (Size(image) / 25_000));
        var ready = at + took;
        if (!known || ready < presentFrom)
        {
            _presentFrom[key] = ready;
        }
        return (ready, took);
    }

    /// <summary>A made-up but stable image size in bytes, between 2 and 50 MB.</summary>
    public static long Size(string image) => 2_000_000 + (long)(BitConverter.ToUInt64(Hash(image), 0) % 48_000_000UL);

    /// <summary>The imageID a runtime reports: the repository with a stable sha256 digest.</summary>
    public static string ImageId(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        return at >= 0
            ? ImageReference.Name(image) + image[at..]
            : $"{ImageReference.Name(image)}@sha256:{Convert.ToHexStringLower(Hash(image))}";
    }

    private static byte[] Hash(string image) => SHA256.HashData(Encoding.UTF8.GetBytes(ImageReference.Normalized(image)));
}
