using System.Text;

namespace PSKube.Client.Config;

/// <summary>
/// Replaces a file's content all at once: write a temporary file beside it, then move it over the original, so a
/// crash or a concurrent reader never sees half a kubeconfig. The temporary file gets the original's permissions and,
/// on Linux, its owner (a new file gets owner read/write only, since kubeconfigs hold secrets). Where that cannot be
/// done (the folder is not writable, or the owner cannot be kept) the file is rewritten in place, as kubectl always
/// does, so it keeps its owner and mode.
/// </summary>
internal static class AtomicFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAllText(string path, string text)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(folder);
        var exists = File.Exists(path);
        string temporary;
        try
        {
            temporary = WriteTemporary(folder, Path.GetFileName(path), bytes);
        }
        catch (UnauthorizedAccessException) when (exists)
        {
            WriteInPlace(path, bytes);
            return;
        }
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Set after creation: a mode given at creation would be narrowed by the umask.
                File.SetUnixFileMode(temporary, exists ? File.GetUnixFileMode(path) : OwnerOnly);
            }
            if (exists && !FileOwner.TryCopy(path, temporary))
            {
                File.Delete(temporary);
                WriteInPlace(path, bytes);
                return;
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string WriteTemporary(string folder, string name, byte[] bytes)
    {
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        try
        {
            using var stream = new FileStream(temporary, options);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return temporary;
    }

    private static void WriteInPlace(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
