namespace PSKube.Client.RemoteCommands;

/// <summary>What a run of a remote command reports, in order: output, notices, and at last how it ended.</summary>
public sealed record RemoteCommandEvent(RemoteCommandEventKind Kind, string? Text = null, RemoteCommandResult? Result = null);

public enum RemoteCommandEventKind
{
    /// <summary>A line of stdout (or, when not split, a piece of its text).</summary>
    Output,

    /// <summary>A line of stderr.</summary>
    Error,

    /// <summary>The server speaks v4 only, so the end of the input could not be signalled; <see cref="RemoteCommandEvent.Text"/> says what that means.</summary>
    InputNotClosed,

    /// <summary>The command ended; <see cref="RemoteCommandEvent.Result"/> says how. Always the last event.</summary>
    Ended,
}
