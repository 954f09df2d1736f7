using System.Globalization;

namespace PSKube.Client.PortForwarding;

/// <summary>
/// One port to forward, as kubectl port-forward writes it: <c>8080:80</c> (local 8080 to remote 80), <c>:80</c> (a
/// free local port to remote 80), <c>80</c> (the same number on both sides). The remote side may be a number or a
/// port name (a container port's name for pods and workloads, a service port's name for services).
/// </summary>
public sealed record PortMapping(int? LocalPort, string Remote)
{
    /// <summary>Reads a mapping; the message of the <see cref="ArgumentException"/> says what is wrong.</summary>
    /// <exception cref="ArgumentException">Not a port mapping.</exception>
    public static PortMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            throw new ArgumentException($"Invalid port format '{text}': write LOCAL:REMOTE (8080:80), :REMOTE for a free local port, or PORT.");
        }
        var remote = parts[^1].Trim();
        if (remote.Length == 0 || (IsNumber(remote) ? !IsPort(remote) : !IsPortName(remote)))
        {
            throw new ArgumentException($"Invalid remote port '{remote}' in '{text}': write a port number from 1 to 65535 or a port name.");
        }
        if (parts.Length == 1)
        {
            return new PortMapping(null, remote);
        }
        var local = parts[0].Trim();
        if (local.Length == 0)
        {
            return new PortMapping(0, remote);
        }
        if (!IsNumber(local) || !(IsPort(local) || local == "0"))
        {
            throw new ArgumentException($"Invalid local port '{local}' in '{text}': write a port number from 0 to 65535, or leave it out (:{remote}) for a free one.");
        }
        return new PortMapping(int.Parse(local, CultureInfo.InvariantCulture), remote);
    }

    /// <summary>The remote port's number when it is one; null for a name.</summary>
    public int? RemoteNumber => IsNumber(Remote) ? int.Parse(Remote, CultureInfo.InvariantCulture) : null;

    public override string ToString() => LocalPort switch
    {
        null => Remote,
        0 => ":" + Remote,
        { } local => $"{local.ToString(CultureInfo.InvariantCulture)}:{Remote}",
    };

    private static bool IsNumber(string text) => text.All(char.IsAsciiDigit);

    private static bool IsPort(string text) => text.Length <= 5 && int.Parse(text, CultureInfo.InvariantCulture) is >= 1 and <= 65535;

    // An IANA service name, as Kubernetes validates port names: at most 15 lowercase letters, digits and dashes.
    private static bool IsPortName(string text) => text.Length <= 15 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
