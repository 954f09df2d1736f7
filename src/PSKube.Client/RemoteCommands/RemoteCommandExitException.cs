using System.Globalization;

namespace PSKube.Client.RemoteCommands;

/// <summary>A remote command ended with a non-zero exit code (kubectl: "command terminated with exit code N").</summary>
public sealed class RemoteCommandExitException : Exception
{
    public RemoteCommandExitException(int exitCode, string pod)
        : base(string.Create(CultureInfo.InvariantCulture, $"command terminated with exit code {exitCode} (pod {pod})"))
    {
        ExitCode = exitCode;
        Pod = pod;
    }

    public RemoteCommandExitException()
        : this(1, "")
    {
    }

    public RemoteCommandExitException(string message)
        : base(message)
    {
        Pod = "";
    }

    public RemoteCommandExitException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pod = "";
    }

    public int ExitCode { get; }

    public string Pod { get; }
}
