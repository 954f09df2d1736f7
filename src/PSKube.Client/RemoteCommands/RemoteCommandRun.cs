using System.Runtime.CompilerServices;
using System.Net.WebSockets;

namespace PSKube.Client.RemoteCommands;

/// <summary>
/// One non-interactive exec as kubectl exec [-i] runs it: the input (if any) sent and then closed, while stdout and
/// stderr come back as lines the moment each is complete, and at last how the command ended.
/// </summary>
public static class RemoteCommandRun
{
    /// <summary>What is said when the end of input cannot be signalled (a v4-only server).</summary>
    public const string InputNotClosedNotice =
        "The API server speaks only v4.channel.k8s.io, which cannot signal the end of input: the command got all of it, but one that reads until the input ends (cat) goes on until it stops by itself or Ctrl+C.";

    /// <param name="input">Sent to stdin then closed; null to run without stdin (kubectl exec without -i).</param>
    /// <param name="splitLines">False to pass stdout on as text pieces as they arrive (for one string at the end).</param>
    public static async IAsyncEnumerable<RemoteCommandEvent> RunAsync(KubeClient client, string @namespace, string pod, IReadOnlyList<string> command,
        string? container, IReadOnlyList<ReadOnlyMemory<byte>>? input, bool splitLines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = new RemoteCommandOptions { Container = container, Stdin = input is not null };
        await using var session = await client.ExecAsync(@namespace, pod, command, options, cancellationToken);
        using var stopInput = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = input is null ? Task.CompletedTask : SendInputAsync(session, input, stopInput.Token);
        if (input is not null && !session.CanCloseStdin)
        {
            // Said before any output, since a command that waits for the end of its input would never let it come.
            yield return new RemoteCommandEvent(RemoteCommandEventKind.InputNotClosed, InputNotClosedNotice);
        }
        var stdout = new TextSplitter(splitLines);
        var stderr = new TextSplitter(lines: true);
        try
        {
            await foreach (var frame in session.ReadOutputAsync(cancellationToken))
            {
                var (splitter, kind) = frame.Stream == RemoteStream.Stdout ? (stdout, RemoteCommandEventKind.Output) : (stderr, RemoteCommandEventKind.Error);
                foreach (var text in splitter.Add(frame.Data))
                {
                    yield return new RemoteCommandEvent(kind, text);
                }
            }
        }
        finally
        {
            // Stopped early (Ctrl+C, the caller stopped reading): the input must not outlive the session.
            if (!sending.IsCompleted)
            {
                await stopInput.CancelAsync();
            }
            await sending;
        }
        foreach (var text in stdout.Finish())
        {
            yield return new RemoteCommandEvent(RemoteCommandEventKind.Output, text);
        }
        foreach (var text in stderr.Finish())
        {
            yield return new RemoteCommandEvent(RemoteCommandEventKind.Error, text);
        }
        yield return new RemoteCommandEvent(RemoteCommandEventKind.Ended, Result: await session.Completion);
    }

    /// <summary>Sends all input then closes stdin (where the protocol can).</summary>
    private static async Task SendInputAsync(RemoteCommandSession session, IReadOnlyList<ReadOnlyMemory<byte>> input, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var piece in input)
            {
                await session.WriteInputAsync(piece, cancellationToken);
            }
            await session.CloseInputAsync(cancellationToken);
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The command ended without reading all of its input (head, true), or the run was stopped: what it
            // printed still counts, and a stop is reported by the output loop.
        }
    }
}
