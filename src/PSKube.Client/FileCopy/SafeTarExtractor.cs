using System.Formats.Tar;

namespace PSKube.Client.FileCopy;

/// <summary>
/// Unpacks a tar archive that a container wrote (tar cf - PATH) under a local folder, trusting none of it: the
/// archive comes from whatever runs in the container. The kubectl cp CVEs are the shapes refused:
/// <list type="bullet">
/// <item>CVE-2018-1002100: member names with ".." (or absolute ones) that climb out of the destination;</item>
/// <item>CVE-2019-1002101, CVE-2019-11246: a symbolic link pointing outside, then a file written through it;</item>
/// <item>CVE-2019-11249: a destination check by string prefix, which "/dest-evil" passes for "/dest".</item>
/// </list>
/// Every member is checked on its own, by its path segments and then by its full path against the destination with a
/// separator. No link is ever created (symbolic links inside the destination are skipped with a notice, as kubectl
/// does since 1.16; hard links to a file of this archive are copies of it), so no member can redirect a later one;
/// a folder on the way that is a link already is refused too. A refused member is reported and the rest still
/// copied: refusing one cannot change where another lands.
/// </summary>
public static class SafeTarExtractor
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>What an extraction wrote.</summary>
    public sealed record Extraction(int Files, int Folders, long Bytes, IReadOnlyList<ArchiveEntryProblem> Problems);

    /// <param name="archive">The tar stream, read once from start to end (it need not seek).</param>
    /// <param name="prefix">The name every member starts with (the copied path without its leading '/'; see <see cref="RemotePath.ArchivePrefix"/>).</param>
    /// <param name="destination">Where the member named <paramref name="prefix"/> itself goes; the others go under it.</param>
    /// <exception cref="InvalidDataException">The stream is not a tar archive, or breaks off.</exception>
    public static async Task<Extraction> ExtractAsync(Stream archive, string prefix, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(prefix);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        var prefixSegments = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var problems = new List<ArchiveEntryProblem>();
        var written = new HashSet<string>(StringComparer.FromComparison(PathComparison));
        int files = 0, folders = 0;
        long bytes = 0;
        await using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }
            var name = entry.Name;
            if (Locate(name, prefixSegments, root) is not { } located)
            {
                problems.Add(Refused(name, WhyUnsafe(name, prefixSegments)));
                continue;
            }
            var (target, segments) = located;
            if (LinkOnTheWay(root, segments) is { } link)
            {
                problems.Add(Refused(name, $"the local path goes through the link {link}, which could lead anywhere"));
                continue;
            }
            try
            {
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        folders++;
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        bytes += await WriteFileAsync(entry.DataStream, target, cancellationToken);
                        written.Add(target);
                        files++;
                        break;
                    case TarEntryType.SymbolicLink:
                        problems.Add(SymbolicLink(name, entry.LinkName, segments));
                        break;
                    case TarEntryType.HardLink:
                        // A hard link names another member; it is written as a copy of that file, if this archive wrote it.
                        var linked = Locate(entry.LinkName, prefixSegments, root)?.Target;
                        if (linked is null)
                        {
                            problems.Add(Refused(name, $"it is a hard link to {entry.LinkName}, outside what is copied"));
                        }
                        else if (written.Contains(linked))
                        {
                            File.Copy(linked, target, overwrite: true);
                            bytes += new FileInfo(target).Length;
                            written.Add(target);
                            files++;
                        }
                        else
                        {
                            problems.Add(new ArchiveEntryProblem(name, ArchiveEntryOutcome.Skipped, $"skipped the hard link {name} -> {entry.LinkName}: its file is not in the archive before it"));
                        }
                        break;
                    default:
                        problems.Add(new ArchiveEntryProblem(name, ArchiveEntryOutcome.Skipped, $"skipped {name}: a {entry.EntryType} is neither a file nor a folder"));
                        break;
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ArchiveEntryProblem(name, ArchiveEntryOutcome.Failed, $"could not write {target}: {error.Message}"));
            }
        }
        return new Extraction(files, folders, bytes, problems);
    }

    /// <summary>
    /// Where a member goes and its segments below the destination; null when its name is absolute, has "..", or does
    /// not start with the prefix (a well-behaved tar names nothing else).
    /// </summary>
    private static (string Target, string[] Segments)? Locate(string name, string[] prefixSegments, string root)
    {
        if (WhyUnsafe(name, prefixSegments) is not null)
        {
            return null;
        }
        var segments = Segments(name)[prefixSegments.Length..];
        var target = segments.Length == 0 ? root : Path.GetFullPath(Path.Combine([root, .. segments]));
        // The same check by full path, with the separator: "/dest-evil" must not pass for "/dest" (CVE-2019-11249).
        return IsWithin(target, root) ? (target, segments) : null;
    }

    private static string? WhyUnsafe(string name, string[] prefixSegments)
    {
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            return "its name holds a NUL character";
        }
        if (name.StartsWith('/') || (OperatingSystem.IsWindows() && (name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal))))
        {
            return "its name is an absolute path";
        }
        var segments = Segments(name);
        if (segments.Contains(".."))
        {
            return "its name climbs out with \"..\"";
        }
        if (segments.Length < prefixSegments.Length || !segments.AsSpan(0, prefixSegments.Length).SequenceEqual(prefixSegments))
        {
            return $"its name is not under {string.Join('/', prefixSegments)}, the path being copied";
        }
        return null;
    }

    // On Windows a backslash separates folders too, so "..\\evil" climbs just as "../evil" does.
    private static string[] Segments(string name) =>
        name.Split(OperatingSystem.IsWindows() ? ['/', '\\'] : ['/'], StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();

    private static bool IsWithin(string path, string root) =>
        path.Equals(root, PathComparison) || path.StartsWith(root + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>The first existing link among the folders and file below the destination that a member's path passes, or null.</summary>
    private static string? LinkOnTheWay(string root, string[] segments)
    {
        var path = root;
        foreach (var segment in segments)
        {
            path = Path.Combine(path, segment);
            // LinkTarget reads the link itself (a dangling one too); null for a plain file or folder, or nothing there.
            if (new FileInfo(path).LinkTarget is not null)
            {
                return path;
            }
            if (!Path.Exists(path))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>A symbolic link is never created: refused when it points out of the destination, else skipped with a notice.</summary>
    private static ArchiveEntryProblem SymbolicLink(string name, string linkTarget, string[] segments)
    {
        if (linkTarget.StartsWith('/') || (OperatingSystem.IsWindows() && (linkTarget.StartsWith('\\') || linkTarget.Contains(':', StringComparison.Ordinal))))
        {
            return Refused(name, $"it is a symbolic link to {linkTarget}, an absolute path");
        }
        if (segments.Length == 0)
        {
            return new ArchiveEntryProblem(name, ArchiveEntryOutcome.Skipped, $"skipped {name}: the path copied is a symbolic link to {linkTarget}; copy its target instead");
        }
        // Resolved from the link's own folder, segment by segment: a ".." above the destination is out.
        var depth = segments.Length - 1;
        foreach (var segment in Segments(linkTarget))
        {
            depth += segment == ".." ? -1 : 1;
            if (depth < 0)
            {
                return Refused(name, $"it is a symbolic link to {linkTarget}, outside the destination");
            }
        }
        return new ArchiveEntryProblem(name, ArchiveEntryOutcome.Skipped, $"skipped the symbolic link {name} -> {linkTarget}: Copy-KubeFile does not create links (copy its target instead)");
    }

    private static ArchiveEntryProblem Refused(string name, string? why) =>
        new(name, ArchiveEntryOutcome.Refused, $"refused the archive member \"{name}\": {why ?? "it would land outside the destination"}");

    private static async Task<long> WriteFileAsync(Stream? content, string target, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        if (content is not null)
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        return file.Length;
    }
}
