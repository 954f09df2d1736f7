namespace PSKube.Client.RemoteCommands;

/// <summary>Starts the shell of an interactive session when none is named: bash where the image has it, else sh.</summary>
public static class InteractiveShell
{
    public static IReadOnlyList<string> Candidates { get; } = ["bash", "sh"];

    // A shell on a terminal writes its prompt at once; one that could not start ends at once. A server that says
    // neither for this long is taken to run the shell (one that prints no prompt).
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A terminal session running the first of <see cref="Candidates"/> the container has (or <paramref name="command"/>
    /// when given, with no fallback). A command that could not start at all is the last candidate's result.
    /// </summary>
    public static async Task<(RemoteCommandSession Session, IReadOnlyList<string> Command)> StartAsync(KubeClient client, string @namespace, string pod, string? container,
        IReadOnlyList<string>? command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = new RemoteCommandOptions { Container = container, Stdin = true, Tty = true };
        if (command is { Count: > 0 })
        {
            return (await client.ExecAsync(@namespace, pod, command, options, cancellationToken), command);
        }
        for (var i = 0; ; i++)
        {
            IReadOnlyList<string> shell = [Candidates[i]];
            var session = await client.ExecAsync(@namespace, pod, shell, options, cancellationToken);
            if (i == Candidates.Count - 1)
            {
                return (session, shell);
            }
            using (var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(session.OutputStarted, Task.Delay(StartWait, waited.Token));
                await waited.CancelAsync();
            }
            if (cancellationToken.IsCancellationRequested)
            {
                await session.DisposeAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (!session.Completion.IsCompleted || !IsMissingExecutable(session.Completion.Result))
            {
                return (session, shell);
            }
            await session.DisposeAsync();
        }
    }

    private static bool IsMissingExecutable(RemoteCommandResult result) =>
        result.ExitCode is null && result.FailureMessage is { } message &&
        (message.Contains("executable file not found", StringComparison.Ordinal) || message.Contains("no such file or directory", StringComparison.Ordinal));
}
