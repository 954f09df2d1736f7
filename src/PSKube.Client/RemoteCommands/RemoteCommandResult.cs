using PSKube.Client.Models;

namespace PSKube.Client.RemoteCommands;

/// <summary>
/// How a remote command ended, from the Status on the error channel: Success is exit code 0; a Failure with reason
/// NonZeroExitCode carries the code as its ExitCode cause; any other Failure (the command could not start, the
/// container is gone) has no exit code. No Status at all means the connection ended before the command did.
/// </summary>
public sealed class RemoteCommandResult
{
    private RemoteCommandResult(int? exitCode, Status? status)
    {
        ExitCode = exitCode;
        Status = status;
    }

    /// <summary>The process's exit code; null when it did not run to an end that reported one.</summary>
    public int? ExitCode { get; }

    /// <summary>What the server sent on the error channel; null when it sent nothing.</summary>
    public Status? Status { get; }

    public bool Succeeded => ExitCode == 0;

    /// <summary>The server's words for a failure that is not an exit code (a command that did not start); else null.</summary>
    public string? FailureMessage => ExitCode is null ? Status?.Message ?? "The connection ended before the command reported how it ended." : null;

    /// <summary>Reads the error channel's Status; <paramref name="status"/> null when the channel stayed empty.</summary>
    public static RemoteCommandResult From(Status? status)
    {
        if (status is null)
        {
            return new RemoteCommandResult(null, null);
        }
        if (status.StatusValue == "Success")
        {
            return new RemoteCommandResult(0, status);
        }
        if (status.Reason == "NonZeroExitCode" &&
            status.Details?.Causes?.FirstOrDefault(c => c.Reason == "ExitCode")?.Message is { } text &&
            int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new RemoteCommandResult(code, status);
        }
        return new RemoteCommandResult(null, status);
    }
}
