using System.Diagnostics;

namespace PSKube.Client.Config;

/// <summary>
/// kubectl's lock on a kubeconfig file: the empty file <c>&lt;kubeconfig&gt;.lock</c>, created exclusively
/// (create-new) before the kubeconfig is re-read and written, and deleted afterwards. client-go names it after the
/// path as given (a symbolic link is not resolved) and gives up at once when it exists; this waits, polling, up to a
/// bound. Only the process that created the lock removes it: a lock left by a crashed process is reported, never
/// broken, since its age alone cannot tell a crash from a slow writer.
/// </summary>
internal sealed class KubeConfigFileLock : IDisposable
{
    /// <summary>How long an edit waits for another writer's lock before failing with <see cref="KubeConfigLockedException"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ShortestPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(50);

    private bool _released;

    private KubeConfigFileLock(string lockPath) => LockPath = lockPath;

    /// <summary>The lock file this instance created.</summary>
    public string LockPath { get; }

    /// <summary>The lock file kubectl uses for <paramref name="kubeconfigPath"/>.</summary>
    public static string LockPathFor(string kubeconfigPath) => Path.GetFullPath(kubeconfigPath) + ".lock";

    /// <summary>
    /// Creates the lock file of <paramref name="kubeconfigPath"/>, waiting while another writer holds it, for at most
    /// <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="KubeConfigLockedException">The lock file was still there after <paramref name="timeout"/>.</exception>
    /// <exception cref="KubeConfigException">The lock file cannot be created (no permission on the folder...).</exception>
    public static KubeConfigFileLock Acquire(string kubeconfigPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var lockPath = LockPathFor(kubeconfigPath);
        var waited = Stopwatch.StartNew();
        var poll = ShortestPoll;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryCreate(lockPath))
            {
                return new KubeConfigFileLock(lockPath);
            }
            if (waited.Elapsed >= timeout)
            {
                throw new KubeConfigLockedException(Path.GetFullPath(kubeconfigPath), lockPath, timeout, AgeOf(lockPath));
            }
            // Random pauses that grow keep many waiting processes from retrying in step.
            var pause = TimeSpan.FromMilliseconds(Random.Shared.Next((int)ShortestPoll.TotalMilliseconds, (int)poll.TotalMilliseconds + 1));
            cancellationToken.WaitHandle.WaitOne(Min(pause, timeout - waited.Elapsed + ShortestPoll));
            poll = Min(poll * 2, LongestPoll);
        }
    }

    /// <summary>Deletes the lock file, letting the next writer in.</summary>
    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            File.Delete(LockPath);
        }
    }

    private static bool TryCreate(string lockPath)
    {
        try
        {
            // The folder may not exist yet when the kubeconfig is about to be created; kubectl makes it too.
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (new FileStream(lockPath, options))
            {
            }
            return true;
        }
        catch (IOException e) when (IsAlreadyExists(e) || File.Exists(lockPath))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot create the lock file {lockPath} to change the kubeconfig: {e.Message}", e);
        }
    }

    // How .NET reports a create-new on an existing file: ERROR_FILE_EXISTS on Windows, the errno EEXIST elsewhere.
    // Checked as well as File.Exists, since the holder may remove the lock between the failed create and the check.
    private static bool IsAlreadyExists(Exception e) => e.HResult is unchecked((int)0x80070050) or ExistsErrno;

    private const int ExistsErrno = 17;

    private static TimeSpan? AgeOf(string lockPath)
    {
        try
        {
            return File.Exists(lockPath) ? DateTime.UtcNow - File.GetLastWriteTimeUtc(lockPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
