using System.Formats.Tar;
using System.Net.WebSockets;
using PSKube.Client.RemoteCommands;

namespace PSKube.Client.FileCopy;

/// <summary>
/// kubectl cp: files and folders between a container and the local disk, by running tar in the container over exec
/// (<c>tar cf - PATH</c> to read, <c>tar -xmf - -C FOLDER</c> to write) with the archive streamed through, never held
/// whole. As cp and Copy-Item do, a copy into an existing folder goes inside it under its own name; else the
/// destination is the copy's new name. What the container sends is unpacked by <see cref="SafeTarExtractor"/>.
/// </summary>
public static class PodFileCopy
{
    /// <summary>Copies <paramref name="remotePath"/> (a file or a folder) out of the container to <paramref name="localDestination"/>.</summary>
    /// <exception cref="PodFileCopyException">tar failed, is missing, or the path does not exist; <see cref="PodFileCopyException.Partial"/> holds what was written.</exception>
    /// <exception cref="Transport.KubeApiException">The pod or container does not exist, or is not running.</exception>
    public static async Task<PodFileCopyResult> FromPodAsync(KubeClient client, string @namespace, string pod, string? container, string remotePath, string localDestination,
        IProgress<FileCopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        ArgumentException.ThrowIfNullOrEmpty(localDestination);
        var source = RemotePath.Clean(remotePath);
        var destination = Path.TrimEndingDirectorySeparator(Path.GetFullPath(localDestination));
        if (Directory.Exists(destination) && RemotePath.Name(source) is { Length: > 0 } name)
        {
            destination = Path.Combine(destination, name);
        }
        var options = new RemoteCommandOptions { Container = container };
        await using var session = await client.ExecAsync(@namespace, pod, ["tar", "cf", "-", source], options, cancellationToken);
        await using var output = new RemoteOutputStream(session, progress, cancellationToken);
        SafeTarExtractor.Extraction? extraction = null;
        InvalidDataException? corrupt = null;
        try
        {
            extraction = await SafeTarExtractor.ExtractAsync(output, RemotePath.ArchivePrefix(source), destination, cancellationToken);
        }
        catch (InvalidDataException error)
        {
            // Reported below, unless tar's own failure explains it better.
            corrupt = error;
        }
        await output.DrainAsync();
        var ended = await session.Completion;
        var result = new PodFileCopyResult
        {
            Namespace = @namespace, Pod = pod, Container = container, Source = source, Destination = destination,
            Files = extraction?.Files ?? 0, Folders = extraction?.Folders ?? 0, Bytes = extraction?.Bytes ?? 0, Problems = extraction?.Problems ?? [],
        };
        if (Failure(ended, output.Stderr, pod, source, result) is { } failure)
        {
            throw failure;
        }
        if (corrupt is not null)
        {
            throw new PodFileCopyException(PodFileCopyFailure.CorruptArchive, $"What pod {pod} sent for {source} is not a tar archive: {corrupt.Message}", result);
        }
        return result;
    }

    /// <summary>Copies the local file or folder <paramref name="localPath"/> into the container at <paramref name="remoteDestination"/>.</summary>
    /// <exception cref="PodFileCopyException">The local path does not exist, or tar failed or is missing in the container.</exception>
    /// <exception cref="Transport.KubeApiException">The pod or container does not exist, or is not running.</exception>
    public static async Task<PodFileCopyResult> ToPodAsync(KubeClient client, string @namespace, string pod, string? container, string localPath, string remoteDestination,
        IProgress<FileCopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        ArgumentException.ThrowIfNullOrEmpty(remoteDestination);
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(localPath));
        if (!Path.Exists(source))
        {
            throw new PodFileCopyException(PodFileCopyFailure.LocalPathNotFound, $"Cannot copy {source} to pod {pod}: it does not exist.");
        }
        var destination = RemotePath.Clean(remoteDestination);
        // As kubectl: into the folder when the destination is one (test -d), else under the name given.
        if (destination is "/" or "." || await IsRemoteFolderAsync(client, @namespace, pod, container, destination, cancellationToken))
        {
            destination = RemotePath.Join(destination, Path.GetFileName(source));
        }
        var items = LocalItems(source, RemotePath.Name(destination)).ToList();
        var totalBytes = items.Sum(item => item.Length);
        var options = new RemoteCommandOptions { Container = container, Stdin = true };
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var session = await client.ExecAsync(@namespace, pod, ["tar", "-xmf", "-", "-C", RemotePath.Parent(destination)], options, abort.Token);
        await using var output = new RemoteOutputStream(session, progress: null, abort.Token);
        // tar -x says little, but read it meanwhile, so its output never waits on a full buffer.
        var reading = output.DrainAsync();
        bool sent;
        try
        {
            sent = await SendArchiveAsync(session, items, new RemoteInputStream(session, progress, totalBytes, abort.Token), abort.Token);
            await reading;
        }
        catch
        {
            // Stopped or failed midway (a local file unreadable): end the session so the reading ends before its stream goes.
            await abort.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        var ended = await session.Completion;
        var result = new PodFileCopyResult
        {
            Namespace = @namespace, Pod = pod, Container = container, Source = source, Destination = destination,
            Files = items.Count(item => item.IsFile), Folders = items.Count(item => item.IsFolder), Bytes = totalBytes,
        };
        if (Failure(ended, output.Stderr, pod, destination, partial: null) is { } failure)
        {
            throw failure;
        }
        if (!sent)
        {
            throw new PodFileCopyException(PodFileCopyFailure.TarFailed, $"The connection to pod {pod} ended before all of {source} was sent; run the copy again.");
        }
        return result;
    }

    /// <summary>Whether a path in the container is a folder (test -d, as kubectl asks); false when it cannot tell.</summary>
    private static async Task<bool> IsRemoteFolderAsync(KubeClient client, string @namespace, string pod, string? container, string path, CancellationToken cancellationToken)
    {
        await using var session = await client.ExecAsync(@namespace, pod, ["test", "-d", path], new RemoteCommandOptions { Container = container }, cancellationToken);
        await foreach (var _ in session.ReadOutputAsync(cancellationToken))
        {
        }
        return (await session.Completion).Succeeded;
    }

    private sealed record LocalItem(string Path, string EntryName, long Length, bool IsFile, bool IsFolder);

    /// <summary>The file, or the folder and everything below it (links as links, not followed), named as tar members.</summary>
    private static IEnumerable<LocalItem> LocalItems(string path, string entryName)
    {
        var info = Directory.Exists(path) ? (FileSystemInfo)new DirectoryInfo(path) : new FileInfo(path);
        var isLink = info.LinkTarget is not null;
        var isFolder = info is DirectoryInfo && !isLink;
        var isFile = info is FileInfo && !isLink;
        yield return new LocalItem(path, entryName, isFile ? ((FileInfo)info).Length : 0, isFile, isFolder);
        if (!isFolder)
        {
            yield break;
        }
        foreach (var child in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            foreach (var item in LocalItems(child, entryName + "/" + Path.GetFileName(child)))
            {
                yield return item;
            }
        }
    }

    /// <summary>Writes the archive to the command's stdin and closes it; false when the command stopped reading first (tar failed).</summary>
    private static async Task<bool> SendArchiveAsync(RemoteCommandSession session, IReadOnlyList<LocalItem> items, RemoteInputStream input, CancellationToken cancellationToken)
    {
        try
        {
            await using (input)
            {
                await using var writer = new TarWriter(input, TarEntryFormat.Pax, leaveOpen: true);
                foreach (var item in items)
                {
                    await writer.WriteEntryAsync(item.Path, item.EntryName, cancellationToken);
                }
            }
            await session.CloseInputAsync(cancellationToken);
            return true;
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>How a tar run failed, from its ending and stderr; null when it succeeded.</summary>
    internal static PodFileCopyException? Failure(RemoteCommandResult ended, string stderr, string pod, string path, PodFileCopyResult? partial)
    {
        if (ended.Succeeded)
        {
            return null;
        }
        // busybox says this on every copy out of an absolute path; it is not why anything failed.
        var said = string.Join("; ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("removing leading", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("tar: error exit delayed", StringComparison.Ordinal)));
        if (ended.ExitCode is null && ended.FailureMessage is { } message &&
            (message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase)))
        {
            return new PodFileCopyException(PodFileCopyFailure.TarNotFound,
                $"The container of pod {pod} has no tar, which copying files needs (kubectl cp too): {message}", partial);
        }
        if (ended.ExitCode == 127 && said.Contains("tar: not found", StringComparison.Ordinal))
        {
            return new PodFileCopyException(PodFileCopyFailure.TarNotFound, $"The container of pod {pod} has no tar, which copying files needs (kubectl cp too): {said}", partial);
        }
        if (ended.ExitCode is null)
        {
            return new PodFileCopyException(PodFileCopyFailure.TarFailed, $"tar did not run in pod {pod}: {ended.FailureMessage}", partial);
        }
        if (said.Contains("No such file or directory", StringComparison.Ordinal))
        {
            return new PodFileCopyException(PodFileCopyFailure.RemotePathNotFound, $"{path} does not exist in pod {pod} ({said}).", partial);
        }
        return new PodFileCopyException(PodFileCopyFailure.TarFailed,
            $"tar in pod {pod} failed with exit code {ended.ExitCode}{(said.Length > 0 ? ": " + said : "")}", partial);
    }
}
