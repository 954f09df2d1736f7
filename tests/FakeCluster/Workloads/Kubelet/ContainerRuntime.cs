using System.Text.Json.Nodes;
using PSKube.FakeCluster.Streaming;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>
/// One container of a pod as the kubelet drives it: image pull, create and start, the running instance, its exit,
/// and restarts with crash-loop back-off. Every change happens at an exact cluster time (see <see cref="NextTransition"/>).
/// </summary>
public sealed class ContainerRuntime
{
    // The kubelet notices an exit and syncs the pod about a second later.
    private static readonly TimeSpan SyncDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan RuntimeCall = TimeSpan.FromMilliseconds(3);

    private readonly string _restartPolicy;
    private readonly RestartBackOff _backOff = new();
    private DateTimeOffset? _pullAt;
    private DateTimeOffset? _createAt;
    private TimeSpan? _pullTook;
    private DateTimeOffset? _syncAt;
    private bool _stopping;

    public ContainerRuntime(JsonObject spec, bool isInit, string podRestartPolicy)
    {
        Name = (string?)spec["name"] ?? "";
        IsInit = isInit;
        Image = (string?)spec["image"] ?? "";
        PullPolicy = (string?)spec["imagePullPolicy"] ?? "IfNotPresent";
        Tty = (bool?)spec["tty"] ?? false;
        Command = ContainerCommand.From(Image, Strings(spec["command"]), Strings(spec["args"]));
        MemoryLimit = MemoryQuantity.ParseBytes((string?)spec["resources"]?["limits"]?["memory"]);
        ReadinessDelay = ProbeDelay(spec["readinessProbe"]);
        StartupDelay = ProbeDelay(spec["startupProbe"]);
        // Init containers run to completion: under restartPolicy Always they are retried only when they fail.
        _restartPolicy = isInit && podRestartPolicy == "Always" ? "OnFailure" : podRestartPolicy;
    }

    public string Name { get; }

    public bool IsInit { get; }

    public string Image { get; }

    public string PullPolicy { get; }

    /// <summary>The container asks for a terminal (spec.tty): its processes see TERM.</summary>
    public bool Tty { get; }

    public ContainerCommand Command { get; }

    public long? MemoryLimit { get; }

    /// <summary>readinessProbe.initialDelaySeconds; null without a readiness probe (ready once started).</summary>
    public TimeSpan? ReadinessDelay { get; }

    public TimeSpan? StartupDelay { get; }

    public string FieldPath => IsInit ? $"spec.initContainers{{{Name}}}" : $"spec.containers{{{Name}}}";

    public int RestartCount { get; private set; }

    /// <summary>The latest instance, running or ended.</summary>
    public ContainerInstance? Current { get; private set; }

    /// <summary>The instance before <see cref="Current"/>, kept as the kubelet keeps the last dead container.</summary>
    public ContainerInstance? Previous { get; private set; }

    /// <summary>Set while the container waits out a crash-loop back-off.</summary>
    public string? BackOffMessage { get; private set; }

    public bool Running => Current?.Running == true;

    /// <summary>Started at least once or about to be.</summary>
    public bool Scheduled => _pullAt is not null || _createAt is not null || Current is not null;

    /// <summary>Ended with exit code 0 and will not run again.</summary>
    public bool Succeeded => Current is { Running: false, ExitCode: 0 } && !RestartPending;

    /// <summary>Ended and, by the restart policy or because the pod is stopping, will not run again.</summary>
    public bool Finished => Current is { Running: false } && !RestartPending;

    /// <summary>Whether it ran before and a new instance is on its way.</summary>
    public bool RestartPending => _syncAt is not null || (Current is not null && (_pullAt is not null || _createAt is not null));

    public DateTimeOffset? NextTransition =>
        new[] { _pullAt, _createAt, _syncAt, Current?.NextStepAt }.Where(t => t is not null).Min();

    /// <summary>Starts the container (its image pull first) at <paramref name="at"/>.</summary>
    public void StartAt(DateTimeOffset at)
    {
        if (!_stopping)
        {
            _pullAt = at;
        }
    }

    /// <summary>Applies the change due at <paramref name="at"/> (the value of <see cref="NextTransition"/>).</summary>
    public void Advance(DateTimeOffset at, PodSync sync)
    {
        if (_pullAt == at)
        {
            _pullAt = null;
            PrepareImage(at, sync);
        }
        else if (_createAt == at)
        {
            _createAt = null;
            Create(at, sync);
        }
        else if (Current?.NextStepAt == at)
        {
            Current.PlayNextStep();
            if (!Current.Running)
            {
                Exited(sync);
            }
        }
        else if (_syncAt == at)
        {
            _syncAt = null;
            DecideRestart(at, sync);
        }
    }

    /// <summary>
    /// The pod is terminating: nothing starts any more, and a running process gets SIGTERM (a Killing event);
    /// a program that ignores SIGTERM keeps running until the grace period ends.
    /// </summary>
    public void Kill(DateTimeOffset at, PodSync sync)
    {
        _stopping = true;
        _pullAt = null;
        _createAt = null;
        _syncAt = null;
        BackOffMessage = null;
        if (Current is not { Running: true } running)
        {
            return;
        }
        sync.Event(FieldPath, "Normal", "Killing", $"Stopping container {Name}", at);
        if (running.Program.ExitCodeOnTerm is { } code)
        {
            running.Finish(at, code);
            sync.Network.Release(Name);
        }
    }

    private void PrepareImage(DateTimeOffset at, PodSync sync)
    {
        var (readyAt, pullTook) = sync.Images.Prepare(Image, PullPolicy, at);
        _pullTook = pullTook;
        if (pullTook is not null)
        {
            sync.Event(FieldPath, "Normal", "Pulling", $"Pulling image \"{Image}\"", at);
        }
        _createAt = readyAt;
    }

    private void Create(DateTimeOffset at, PodSync sync)
    {
        if (_pullTook is { } took)
        {
            sync.Event(FieldPath, "Normal", "Pulled",
                $"Successfully pulled image \"{Image}\" in {GoDuration.Format(took)} ({GoDuration.Format(took)} including waiting). Image size: {NodeImages.Size(Image)} bytes.", at);
        }
        else
        {
            sync.Event(FieldPath, "Normal", "Pulled", $"Container image \"{Image}\" already present on machine", at);
        }
        var id = "containerd://" + Convert.ToHexStringLower(RandomBytes(sync.Random, 32));
        var program = ContainerPrograms.For(Command);
        var facts = new ContainerFacts(sync.Pod, Name, Tty, sync.PodIP);
        var files = sync.Files.Open(id, () => new ContainerFileSystem(facts, at));
        var context = new ProgramContext(Command, Name, at, sync.Network, sync.Random, facts, files);
        var instance = new ContainerInstance(id, at, program, context, sync.Logs.Open(id));
        if (Current is not null)
        {
            // A new instance starts from the image again: the old one's files go.
            sync.Files.Remove([Current.Id]);
            // The runtime keeps only the last dead container, so older logs go.
            if (Previous is not null)
            {
                sync.Logs.Remove([Previous.Id]);
            }
            Previous = Current;
            RestartCount++;
        }
        Current = instance;
        BackOffMessage = null;
        // Each runtime call takes a moment: distinct event times keep Pulled, Created and Started in order.
        sync.Event(FieldPath, "Normal", "Created", $"Created container: {Name}", at + RuntimeCall);
        sync.Event(FieldPath, "Normal", "Started", $"Started container {Name}", at + (2 * RuntimeCall));
        if (MemoryLimit is { } limit && limit < program.MemoryBytes)
        {
            instance.Finish(at, 137, "OOMKilled");
            Exited(sync);
        }
    }

    private void Exited(PodSync sync)
    {
        sync.Network.Release(Name);
        var instance = Current!;
        _backOff.Exited(instance.FinishedAt!.Value - instance.StartedAt);
        if (!_stopping)
        {
            _syncAt = instance.FinishedAt + SyncDelay;
        }
    }

    private void DecideRestart(DateTimeOffset at, PodSync sync)
    {
        var exitCode = Current!.ExitCode;
        var restart = _restartPolicy switch
        {
            "Always" => true,
            "OnFailure" => exitCode != 0,
            _ => false,
        };
        if (!restart)
        {
            return;
        }
        var restartAt = Current.FinishedAt!.Value + _backOff.Wait;
        if (restartAt > at)
        {
            BackOffMessage = $"back-off {GoDuration.Format(_backOff.Wait)} restarting failed container={Name} pod={sync.PodReference}";
            sync.Event(FieldPath, "Warning", "BackOff", $"Back-off restarting failed container {Name} in pod {sync.PodReference}", at);
        }
        _backOff.Restarted();
        _pullAt = restartAt > at ? restartAt : at;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static TimeSpan? ProbeDelay(JsonNode? probe) =>
        probe is JsonObject ? TimeSpan.FromSeconds((long?)probe["initialDelaySeconds"] ?? 0) : null;

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => (string?)item ?? "").ToList() : null;
}
