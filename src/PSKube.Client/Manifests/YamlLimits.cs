using System.Globalization;

namespace PSKube.Client.Manifests;

/// <summary>
/// The bounds every YAML text the module reads (manifests, kubeconfig files) is held to, so that a small hostile
/// file cannot take minutes and gigabytes: a size, a nesting depth and a budget for what aliases may expand to.
/// </summary>
public static class YamlLimits
{
    /// <summary>
    /// The largest text read, in characters (or bytes for a file): far above what the API server takes in one
    /// request (3 MiB), room for `kubectl get -A -o yaml` of a large cluster.
    /// </summary>
    public const long MaxTextLength = 64L * 1024 * 1024;

    /// <summary>How deep mappings and sequences may nest.</summary>
    public const int MaxDepth = 1000;

    /// <summary>
    /// How many values the aliases of one text may expand to, on top of the values written out in it: a few
    /// aliases to shared blocks stay far below; an alias bomb (aliases of aliases) goes beyond within a few lines.
    /// </summary>
    public const int AliasExpansionAllowance = 100_000;

    /// <summary>Refuses a text longer than <see cref="MaxTextLength"/>, naming its size and the limit.</summary>
    public static void CheckLength(long length, string unit = "characters")
    {
        if (length > MaxTextLength)
        {
            throw new ManifestException(
                $"the document is too large: {length.ToString("N0", CultureInfo.InvariantCulture)} {unit}, more than the limit of {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} ({MaxTextLength / (1024 * 1024)} MiB); split it into several files",
                0,
                0);
        }
    }

    /// <summary>Reads a file as text after checking its size, so an oversize file is refused before it is read.</summary>
    public static string ReadFile(string path)
    {
        CheckLength(new FileInfo(path).Length, "bytes");
        return File.ReadAllText(path);
    }
}
