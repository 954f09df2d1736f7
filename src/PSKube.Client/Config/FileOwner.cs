using System.Runtime.InteropServices;

namespace PSKube.Client.Config;

/// <summary>
/// Gives a file the owner and group of another, so a kubeconfig replaced by a new file keeps its owner (root editing
/// a user's kubeconfig must not take it over). .NET has no API for file owners: on Linux this asks libc through
/// statx and chown; elsewhere the owner is left to the operating system.
/// </summary>
internal static class FileOwner
{
    private const int CurrentFolder = -100;
    private const uint UidAndGid = 0x8 | 0x10;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int GidOffset = 24;

    /// <summary>True when <paramref name="target"/> now has the owner of <paramref name="source"/>, or owners are not tracked here.</summary>
    public static bool TryCopy(string source, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }
        if (Owner(source) is not { } wanted || Owner(target) is not { } actual)
        {
            return true;
        }
        return wanted == actual || NativeMethods.chown(target, wanted.Uid, wanted.Gid) == 0;
    }

    private static (uint Uid, uint Gid)? Owner(string path)
    {
        var buffer = new byte[StatxSize];
        if (NativeMethods.statx(CurrentFolder, path, 0, UidAndGid, buffer) != 0)
        {
            return null;
        }
        return (BitConverter.ToUInt32(buffer, UidOffset), BitConverter.ToUInt32(buffer, GidOffset));
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
    }
}
