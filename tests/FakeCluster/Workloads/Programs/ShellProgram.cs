using System.Text;
using PSKube.FakeCluster.Streaming;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// sh -c SCRIPT (and bash -c, ash -c) as a container's main process: the <see cref="ShellInterpreter"/> kubectl exec
/// uses too, played on the kubelet's clock. Output lines go to the log at the time they are written, sleeps and busy
/// loops move the clock on, and the script's exit status is the container's exit code.
/// </summary>
public sealed class ShellProgram : IContainerProgram
{
    public long MemoryBytes => 512 * 1024;

    // busybox sh as PID 1 has no SIGTERM handler, so it ignores the signal and the kubelet waits out the grace period.
    public int? ExitCodeOnTerm => null;

    public bool Runs(ContainerCommand command) =>
        command.Executable is "sh" or "ash" or "bash" && command.Arguments is [var option, _, ..] && option.StartsWith('-') && option.Contains('c', StringComparison.Ordinal);

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var elapsed = TimeSpan.Zero;
        var interpreter = new ShellInterpreter(context.Facts, context.Files, context.Random, () => context.StartedAt + elapsed, tty: false);
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var argv = context.Command.Argv.ToList();
        argv[0] = "sh";
        foreach (var effect in interpreter.Run(argv))
        {
            switch (effect)
            {
                case ShellOutput written:
                    foreach (var line in CompleteLines(written.Error ? errors : output, written.Data))
                    {
                        yield return ProgramStep.Print(elapsed, line);
                    }
                    break;
                case ShellPause pause when pause.Duration == Timeout.InfiniteTimeSpan:
                    // sleep infinity: the process runs until it is killed.
                    context.Busy = false;
                    yield break;
                case ShellPause pause:
                    context.Busy = pause.Busy;
                    elapsed += pause.Duration;
                    yield return ProgramStep.Wait(elapsed);
                    break;
                case ShellRead:
                    // A container's stdin is closed unless the pod asks for one: reads see its end at once.
                    break;
            }
        }
        foreach (var rest in new[] { output, errors }.Where(b => b.Length > 0))
        {
            yield return ProgramStep.Print(elapsed, rest.ToString());
        }
        yield return ProgramStep.Exit(elapsed, interpreter.ExitCode);
    }

    private static List<string> CompleteLines(StringBuilder buffer, byte[] data)
    {
        buffer.Append(Encoding.UTF8.GetString(data));
        var text = buffer.ToString();
        var last = text.LastIndexOf('\n');
        if (last < 0)
        {
            return [];
        }
        buffer.Remove(0, last + 1);
        return [.. text[..last].Split('\n')];
    }
}
