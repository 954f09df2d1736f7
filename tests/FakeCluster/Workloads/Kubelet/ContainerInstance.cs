using PSKube.FakeCluster.Workloads.Logs;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// One run of a container (one container ID): its program's steps played on the cluster clock into its log,
/// until the program exits or is killed.
/// </summary>
public sealed class ContainerInstance
{
    private readonly IEnumerator<ProgramStep> _steps;
    private ProgramStep? _next;

    public ContainerInstance(string id, DateTimeOffset startedAt, IContainerProgram program, ProgramContext context, ContainerLog log)
    {
        Id = id;
        StartedAt = startedAt;
        Program = program;
        Context = context;
        Log = log;
        _steps = program.Run(context).GetEnumerator();
        _next = _steps.MoveNext() ? _steps.Current : null;
    }

    /// <summary>The runtime's ID as the kubelet reports it, e.g. containerd://0123...</summary>
    public string Id { get; }

    public DateTimeOffset StartedAt { get; }

    public IContainerProgram Program { get; }

    /// <summary>What the program runs with; whether it is busy shows in its CPU usage.</summary>
    public ProgramContext Context { get; }

    public ContainerLog Log { get; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int ExitCode { get; private set; }

    /// <summary>Completed, Error or OOMKilled once finished.</summary>
    public string? Reason { get; private set; }

    public bool Running => FinishedAt is null;

    /// <summary>When the program's next step is due; null when it has nothing more to do (or has ended).</summary>
    public DateTimeOffset? NextStepAt => Running && _next is { } next ? StartedAt + next.At : null;

    /// <summary>Plays the step that is due: a line into the log, or the exit.</summary>
    public void PlayNextStep()
    {
        var step = _next ?? throw new InvalidOperationException("No step is due.");
        var at = StartedAt + step.At;
        if (step.Line is { } line)
        {
            Log.Append(at, line);
        }
        if (step.ExitCode is { } code)
        {
            Finish(at, code);
            return;
        }
        _next = _steps.MoveNext() ? _steps.Current : null;
    }

    public void Finish(DateTimeOffset at, int exitCode, string? reason = null)
    {
        if (!Running)
        {
            return;
        }
        FinishedAt = at;
        ExitCode = exitCode;
        Reason = reason ?? (exitCode == 0 ? "Completed" : "Error");
        _next = null;
        _steps.Dispose();
        Log.End();
    }
}
