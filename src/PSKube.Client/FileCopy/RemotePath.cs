namespace PSKube.Client.FileCopy;

/// <summary>Paths inside a container: always '/'-separated, whatever the local system uses.</summary>
public static class RemotePath
{
    /// <summary>
    /// The path with "." and empty segments removed and ".." resolved, without a trailing slash; ".." above the root
    /// stays at the root, as the container's file system does. A relative path stays relative (to tar's working folder).
    /// </summary>
    public static string Clean(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var absolute = path.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count > 0 && segments[^1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else if (!absolute)
                {
                    segments.Add(segment);
                }
                continue;
            }
            segments.Add(segment);
        }
        var joined = string.Join('/', segments);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>The last segment of a cleaned path; empty for the root.</summary>
    public static string Name(string cleanPath)
    {
        ArgumentNullException.ThrowIfNull(cleanPath);
        return cleanPath is "/" or "." ? "" : cleanPath[(cleanPath.LastIndexOf('/') + 1)..];
    }

    /// <summary>The folder that holds a cleaned path: "/" for a top-level one, "." for a relative one without a folder.</summary>
    public static string Parent(string cleanPath)
    {
        ArgumentNullException.ThrowIfNull(cleanPath);
        var slash = cleanPath.LastIndexOf('/');
        return slash switch
        {
            < 0 => ".",
            0 => "/",
            _ => cleanPath[..slash],
        };
    }

    /// <summary>A cleaned path with one more segment.</summary>
    public static string Join(string cleanPath, string name) =>
        cleanPath switch
        {
            "/" => "/" + name,
            "." => name,
            _ => cleanPath + "/" + name,
        };

    /// <summary>
    /// How tar names the members of <paramref name="cleanPath"/> (tar cf - PATH): without the leading '/' it removes,
    /// so every member's name is this prefix or starts with it and a '/'. Empty for the root and for ".".
    /// </summary>
    public static string ArchivePrefix(string cleanPath)
    {
        ArgumentNullException.ThrowIfNull(cleanPath);
        // tar also drops the leading "../" of a relative path from member names.
        var prefix = cleanPath.TrimStart('/');
        while (prefix == ".." || prefix.StartsWith("../", StringComparison.Ordinal))
        {
            prefix = prefix.Length == 2 ? "" : prefix[3..];
        }
        return prefix == "." ? "" : prefix;
    }
}
