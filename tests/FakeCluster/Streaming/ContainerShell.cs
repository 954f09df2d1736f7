namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// Runs a kubectl exec command in a simulated container: the <see cref="ShellInterpreter"/>'s effects played on the
/// session's stdio and on real time (a sped-up cluster sleeps faster). A missing executable is a runtime error when
/// exec'd directly, as containerd reports it, and "not found" (127) inside sh.
/// </summary>
public sealed class ContainerShell(ContainerFacts facts, ContainerFileSystem files, FakeClock clock)
{
    /// <summary>Runs a command as the runtime's exec does; throws <see cref="ContainerRuntimeException"/> when there is nothing to run.</summary>
    public async Task<int> ExecAsync(IReadOnlyList<string> argv, ProcessIo io, CancellationToken cancellationToken)
    {
        if (ShellInterpreter.Resolve(argv[0], facts) is null)
        {
            throw new ContainerRuntimeException(StartFailure(argv[0]));
        }
        var interpreter = new ShellInterpreter(facts, files, Random.Shared, () => clock.Now, io.Tty);
        foreach (var effect in interpreter.Run(argv))
        {
            switch (effect)
            {
                case ShellOutput { Error: false } output:
                    await io.WriteOutAsync(output.Data);
                    break;
                case ShellOutput output:
                    await io.WriteErrorAsync(output.Data);
                    break;
                case ShellPause pause:
                    await Task.Delay(pause.Duration == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : clock.RealTime(pause.Duration), cancellationToken);
                    break;
                case ShellRead read:
                    await ReadAsync(read, io, cancellationToken);
                    break;
            }
        }
        return interpreter.ExitCode;
    }

    private static async Task ReadAsync(ShellRead read, ProcessIo io, CancellationToken cancellationToken)
    {
        try
        {
            switch (read.Mode)
            {
                case ShellReadMode.Bytes:
                    read.Bytes = await io.ReadBytesAsync(cancellationToken);
                    break;
                case ShellReadMode.Line:
                    read.Text = await io.ReadLineAsync(cancellationToken);
                    break;
                default:
                    read.Text = await io.ReadAsync(cancellationToken);
                    break;
            }
        }
        catch (TerminalInterrupt)
        {
            read.Interrupted = true;
        }
    }

    /// <summary>
    /// What containerd reports when runc cannot start the process, as in "failed to exec in container: failed to start
    /// exec "ID": OCI runtime exec failed: ...".
    /// </summary>
    private string StartFailure(string executable)
    {
        var cause = executable.Contains('/', StringComparison.Ordinal)
            ? $"exec: \"{executable}\": stat {executable}: no such file or directory"
            : $"exec: \"{executable}\": executable file not found in $PATH";
        return $"failed to exec in container: failed to start exec \"{RuntimeIds.Exec(facts.PodUid, facts.Container)}\": " +
               $"OCI runtime exec failed: exec failed: unable to start container process: {cause}: unknown";
    }
}
