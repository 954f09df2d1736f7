namespace PSKube.Client.RemoteCommands;

/// <summary>
/// Runs an interactive session (kubectl exec -it, attach -it) between a terminal and a remote process: the window
/// size sent at the start and whenever it changes, every keystroke sent as typed (Ctrl+C included, for the remote
/// side to act on), the output shown as it comes, until the remote process ends or the token is cancelled.
/// </summary>
public static class TerminalSession
{
    /// <summary>How often typed input and the window size are looked at: well under what a typist notices.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(15);

    public static async Task<RemoteCommandResult> RunAsync(RemoteCommandSession session, ITerminal terminal, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(terminal);
        var size = terminal.Size;
        var output = ShowOutputAsync(session, terminal, cancellationToken);
        await SendOrEndedAsync(session.ResizeAsync(size.Width, size.Height, cancellationToken));
        while (!output.IsCompleted)
        {
            var typed = terminal.ReadTypedInput();
            if (!typed.IsEmpty)
            {
                await SendOrEndedAsync(session.WriteInputAsync(typed, cancellationToken));
            }
            if (terminal.Size is var now && now != size)
            {
                size = now;
                await SendOrEndedAsync(session.ResizeAsync(size.Width, size.Height, cancellationToken));
            }
            await Task.WhenAny(output, Task.Delay(pollInterval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
        await output;
        return await session.Completion;
    }

    private static async Task ShowOutputAsync(RemoteCommandSession session, ITerminal terminal, CancellationToken cancellationToken)
    {
        await foreach (var frame in session.ReadOutputAsync(cancellationToken))
        {
            terminal.Write(frame.Data.Span);
        }
    }

    // Input that races the end of the session (the shell exited as a key was sent) has nobody to read it; a broken
    // connection ends the output too, which ends the session.
    private static async Task SendOrEndedAsync(Task send)
    {
        try
        {
            await send;
        }
        catch (Exception error) when (error is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException)
        {
        }
    }
}
