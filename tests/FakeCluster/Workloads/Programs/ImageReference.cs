namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>Image names as a container runtime reads them: registry host, repository path, tag or digest.</summary>
public static class ImageReference
{
    private const string DefaultRegistry = "docker.io";

    /// <summary>The repository path without registry, tag or digest; Docker Hub's "library/" prefix is dropped.</summary>
    public static string Repository(string image)
    {
        var (_, path, _) = Split(image);
        return path.StartsWith("library/", StringComparison.Ordinal) ? path["library/".Length..] : path;
    }

    /// <summary>The tag, "latest" when none is given (and null for a digest reference).</summary>
    public static string? Tag(string image) => Split(image).Tag;

    /// <summary>The fully qualified name a runtime reports in containerStatuses[].image, e.g. docker.io/library/alpine:latest.</summary>
    public static string Normalized(string image)
    {
        var (registry, path, tag) = Split(image);
        var at = image.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 ? $"{registry}/{path}{image[at..]}" : $"{registry}/{path}:{tag}";
    }

    /// <summary>The registry host and repository without tag: what an imageID's digest hangs off.</summary>
    public static string Name(string image)
    {
        var (registry, path, _) = Split(image);
        return $"{registry}/{path}";
    }

    private static (string Registry, string Path, string? Tag) Split(string image)
    {
        var reference = image;
        string? tag = "latest";
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            reference = reference[..at];
            tag = null;
        }
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        if (colon >= 0)
        {
            tag = at >= 0 ? null : reference[(colon + 1)..];
            reference = reference[..colon];
        }
        var firstSlash = reference.IndexOf('/', StringComparison.Ordinal);
        // The first path part is a registry host only when it looks like one (a dot, a port, or localhost).
        if (firstSlash > 0 && reference[..firstSlash] is var host && (host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost"))
        {
            return (host, reference[(firstSlash + 1)..], tag);
        }
        return (DefaultRegistry, firstSlash < 0 ? "library/" + reference : reference, tag);
    }
}
