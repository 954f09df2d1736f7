using System.Collections.Concurrent;
using PSKube.Client.Manifests;

namespace PSKube.Client.Config;

/// <summary>
/// The parsed kubeconfig files of this process, so a command reads and parses a file only after it changed: a
/// PowerShell session runs many commands against the same files, and parsing (YAML) cost more than the rest of a
/// warm call. A file counts as changed when its length, last write time or symbolic-link target differ from when it
/// was read. Some file systems keep write times to the second or two, so two writes within that time could share a
/// stamp: while a file's write time is that recent, its text is also read again and compared.
/// </summary>
internal static class KubeConfigFileCache
{
    /// <summary>How coarse a file system's write times may be (FAT keeps 2 s); within it a stamp proves nothing.</summary>
    internal static readonly TimeSpan WriteTimeResolution = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static long _lastVersion;

    /// <summary>
    /// The document of the file at <paramref name="path"/> (a full path) and a number that changes whenever its
    /// content does; null when the file does not exist.
    /// </summary>
    public static ParsedFile? Read(string path)
    {
        // The stamp is taken before the text is read: a write in between then shows as a new stamp next time.
        if (FileStamp.Of(path) is not { } stamp)
        {
            return null;
        }
        var readAt = DateTime.UtcNow;
        if (Entries.TryGetValue(path, out var cached) && cached.Stamp == stamp)
        {
            if (cached.Settled)
            {
                return cached.File;
            }
            var current = ReadText(path);
            if (current == cached.Text)
            {
                // Read again after the write time's resolution passed: any later write will change the stamp.
                Entries[path] = cached with { Settled = IsSettled(stamp, readAt) };
                return cached.File;
            }
            return Store(path, stamp, readAt, current, cached);
        }
        return Store(path, stamp, readAt, ReadText(path), cached);
    }

    /// <summary>Forgets a file this process has just written, so the next read parses what is there now.</summary>
    public static void Forget(string path) => Entries.TryRemove(path, out _);

    private static ParsedFile Store(string path, FileStamp stamp, DateTime readAt, string text, Entry? previous)
    {
        // The same text (a file touched or rewritten unchanged) keeps its document and version, so clients built on it stay.
        var file = previous is not null && previous.Text == text
            ? previous.File
            : new ParsedFile(KubeConfigFileReader.Parse(text, path), Interlocked.Increment(ref _lastVersion));
        var entry = new Entry(stamp, text, file, IsSettled(stamp, readAt));
        // Two readers of a new file (a session's first command and its warm-up) may both parse it: the first stored
        // wins, so both get the same version and the second command reuses the first one's client and connection.
        return Entries.AddOrUpdate(path, entry, (_, stored) => stored.Text == text ? entry with { File = stored.File } : entry).File;
    }

    private static bool IsSettled(FileStamp stamp, DateTime readAt) => readAt - stamp.LastWriteUtc > WriteTimeResolution;

    private static string ReadText(string path)
    {
        try
        {
            return YamlLimits.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read the kubeconfig file {path}: {e.Message}", e);
        }
        catch (ManifestException e)
        {
            throw KubeConfigFileReader.Invalid(path, e);
        }
    }

    /// <summary>A parsed file; <paramref name="Version"/> is unique to this content of this file in this process.</summary>
    internal sealed record ParsedFile(KubeConfigDocument Document, long Version);

    private sealed record Entry(FileStamp Stamp, string Text, ParsedFile File, bool Settled);

    /// <summary>What tells a file's versions apart without reading it (one stat, one readlink).</summary>
    internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc, string? LinkTarget)
    {
        public static FileStamp? Of(string path)
        {
            // FileInfo answers for the file a symbolic link points to; the link's own target tells a swapped link.
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc, info.LinkTarget) : null;
        }
    }
}
