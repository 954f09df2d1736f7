using System.Globalization;

namespace PSKube.Bench;

/// <summary>
/// Counts a process's established TCP connections to one port, from /proc: the kernel's socket table gives the
/// sockets connected to the port, the process's file descriptors say which of them it holds.
/// </summary>
public static class TcpConnections
{
    private const string Established = "01";

    public static int? Count(int pid, int port)
    {
        try
        {
            var inodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in new[] { $"/proc/{pid}/net/tcp", $"/proc/{pid}/net/tcp6" }.Where(File.Exists))
            {
                // "sl local_address rem_address st ... inode", addresses as HEXIP:HEXPORT.
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var remotePort = int.Parse(fields[2][(fields[2].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (remotePort == port && fields[3] == Established)
                    {
                        inodes.Add($"socket:[{fields[9]}]");
                    }
                }
            }
            var count = 0;
            foreach (var descriptor in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && inodes.Contains(target))
                {
                    count++;
                }
            }
            return count;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
