using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client.Logs;

/// <summary>
/// The logs of many pods and containers merged into one stream, as stern and kubectl logs -l do. Without Follow,
/// each container's lines come together and in order, container by container, pods in a stable order (up to
/// MaxConcurrency logs are fetched at once). With Follow, lines interleave as they arrive (in order per
/// container): containers that start later are picked up, restarted ones followed again, dropped streams resumed
/// without loss or repeats; with a selector, pods that appear join and pods deleted leave, until cancelled.
/// A failure of one pod or container is a Failed event; the others go on.
/// </summary>
public sealed class LogFanIn
{
    private const int SelectorTailLines = 10;
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    private readonly KubeClient _client;
    private readonly LogFanInOptions _options;

    /// <summary>Checks the options (an <see cref="ArgumentException"/> or <see cref="FormatException"/> says what to change); nothing is sent yet.</summary>
    public LogFanIn(KubeClient client, LogFanInOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _client = client;
        _options = options;
    }

    /// <summary>
    /// Reads the logs. Following more streams than MaxConcurrency fails with an <see cref="InvalidOperationException"/>
    /// before any line; a failed pod watch ends the stream with its exception.
    /// </summary>
    public IAsyncEnumerable<KubeLogEvent> ReadAsync(CancellationToken cancellationToken) =>
        _options.Log.Follow ? FollowAsync(cancellationToken) : ReadOnceAsync(cancellationToken);

    /// <summary>
    /// The log options of the first request of each container: kubectl's default tail with a selector, and
    /// timestamps always (records carry them; resuming needs them), unless they would count against LimitBytes.
    /// </summary>
    private PodLogOptions FirstRequest => _options.Log with
    {
        TailLines = _options.LabelSelector is not null && _options.Log.TailLines is null ? SelectorTailLines : _options.Log.TailLines,
        Timestamps = _options.Log.Timestamps || _options.Log.LimitBytes is null,
    };

    private static void Validate(LogFanInOptions options)
    {
        options.Log.Validate();
        var fixedPods = options.PodNames.Count + options.Pods.Count;
        if (options.LabelSelector is null && fixedPods == 0)
        {
            throw new ArgumentException("Name the pods to read (by name or as objects) or give a label selector.");
        }
        if (options.LabelSelector is not null && fixedPods > 0)
        {
            throw new ArgumentException("Give either pods or a label selector, not both.");
        }
        if (options.LabelSelector is not null)
        {
            Selectors.LabelSelector.Parse(options.LabelSelector);
        }
        if (options.AllNamespaces && options.LabelSelector is null)
        {
            throw new ArgumentException("AllNamespaces applies to a label selector only; pods by name are read in one namespace.");
        }
        if (options.PodNames.Any(string.IsNullOrEmpty) || options.Pods.Any(p => string.IsNullOrEmpty(p.Name)))
        {
            throw new ArgumentException("Every pod needs a name.");
        }
        if (options.AllContainers && options.Log.Container is not null)
        {
            throw new ArgumentException("Give either a container name or AllContainers, not both.");
        }
        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be 1 or more, not {options.MaxConcurrency}.");
        }
    }

    private async IAsyncEnumerable<KubeLogEvent> ReadOnceAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pods, missing) = await ResolvePodsAsync(cancellationToken);
        foreach (var failure in missing)
        {
            yield return failure;
        }

        // Each container's log has its own channel, read in order; fetches start in the same order, so the one
        // being read has always got its slot and a slow reader holds back only the few fetched ahead.
        var work = new List<(KubeLogEvent? Failure, Pod? Pod, string? Container, Channel<KubeLogEvent>? Lines)>();
        foreach (var pod in pods)
        {
            try
            {
                work.AddRange(PodContainers.Select(pod, _options.Log.Container, _options.AllContainers)
                    .Select(c => ((KubeLogEvent?)null, (Pod?)pod, (string?)c, (Channel<KubeLogEvent>?)Channel.CreateBounded<KubeLogEvent>(256))));
            }
            catch (InvalidOperationException e)
            {
                work.Add((KubeLogEvent.Failed(pod.Namespace!, pod.Name!, _options.Log.Container, e), null, null, null));
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var fetches = new List<Task>();
        var starting = Task.Run(async () =>
        {
            foreach (var (_, pod, container, lines) in work.Where(w => w.Lines is not null))
            {
                await slots.WaitAsync(stop.Token);
                fetches.Add(FetchAsync(pod!, container!, lines!.Writer, slots, stop.Token));
            }
        }, stop.Token);
        try
        {
            foreach (var (failure, _, _, lines) in work)
            {
                if (failure is not null)
                {
                    yield return failure;
                    continue;
                }
                await foreach (var item in lines!.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await QuietlyAsync(starting);
            await QuietlyAsync(Task.WhenAll(fetches));
        }
    }

    private async Task FetchAsync(Pod pod, string container, ChannelWriter<KubeLogEvent> lines, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in _client.ReadLogAsync(pod.Namespace!, pod.Name!, FirstRequest with { Container = container }, cancellationToken))
            {
                await lines.WriteAsync(Record(pod, container, line), cancellationToken);
            }
        }
        catch (Exception e) when (e is KubeApiException or IOException or HttpRequestException)
        {
            // Once cancelled, a broken read is just the stop.
            if (!cancellationToken.IsCancellationRequested)
            {
                await lines.WriteAsync(KubeLogEvent.Failed(pod.Namespace!, pod.Name!, container, e), cancellationToken);
            }
        }
        finally
        {
            lines.TryComplete();
            slots.Release();
        }
    }

    private async IAsyncEnumerable<KubeLogEvent> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pods, missing) = await ResolvePodsAsync(cancellationToken);
        var streams = pods.Sum(p => StreamCount(p));
        if (streams > _options.MaxConcurrency)
        {
            throw new InvalidOperationException(
                $"you are attempting to follow {streams} log streams, but maximum allowed concurrency is {_options.MaxConcurrency}; use -MaxConcurrency to increase the limit");
        }
        foreach (var failure in missing)
        {
            yield return failure;
        }

        var output = Channel.CreateBounded<KubeLogEvent>(1024);
        var follower = new LogFollower(_client, FirstRequest, _options, output.Writer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = follower.RunAsync(pods, Watches(pods), stop.Token);
        try
        {
            await foreach (var item in output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await QuietlyAsync(running);
        }
    }

    private int StreamCount(Pod pod)
    {
        try
        {
            return PodContainers.Select(pod, _options.Log.Container, _options.AllContainers).Count;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>What tells the follower about its pods: one watch for a selector, one per pod for a fixed set.</summary>
    private IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>> Watches(IReadOnlyList<Pod> pods)
    {
        if (_options.LabelSelector is { } selector)
        {
            var @namespace = _options.AllNamespaces ? null : _options.Namespace ?? _client.DefaultNamespace;
            return [token => _client.ListAndWatchAsync<Pod>(Pods, @namespace, new ListOptions { LabelSelector = selector }, token)];
        }
        return pods
            .Select(p => (Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>)(token => _client.ListAndWatchAsync<Pod>(
                Pods, p.Namespace, new ListOptions { FieldSelector = "metadata.name=" + Selectors.FieldSelector.EscapeValue(p.Name!) }, token)))
            .ToList();
    }

    /// <summary>The pods as they are now, in a stable order, and a Failed event for each named pod that does not exist.</summary>
    private async Task<(IReadOnlyList<Pod> Pods, IReadOnlyList<KubeLogEvent> Missing)> ResolvePodsAsync(CancellationToken cancellationToken)
    {
        var @namespace = _options.Namespace ?? _client.DefaultNamespace;
        if (_options.LabelSelector is { } selector)
        {
            var (items, _) = await _client.ListAllAsync<Pod>(Pods, _options.AllNamespaces ? null : @namespace, new ListOptions { LabelSelector = selector }, cancellationToken);
            return ([.. items.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)], []);
        }
        var pods = new List<Pod>();
        var missing = new List<KubeLogEvent>();
        var wanted = _options.Pods.Select(p => (p.Namespace ?? @namespace, p.Name!)).Concat(_options.PodNames.Select(n => (@namespace, n)));
        foreach (var (podNamespace, name) in wanted.Distinct())
        {
            try
            {
                pods.Add(await _client.GetAsync<Pod>(Pods, podNamespace, name, cancellationToken));
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                missing.Add(KubeLogEvent.Failed(podNamespace, name, null, e));
            }
        }
        return (pods, missing);
    }

    internal static KubeLogEvent Record(Pod pod, string container, string line)
    {
        var (time, message) = KubeLogRecord.SplitTimestamp(line);
        return KubeLogEvent.Line(new KubeLogRecord(pod.Namespace!, pod.Name!, container, time, message));
    }

    /// <summary>Waits for background work that was told to stop; its cancellation is the expected end.</summary>
    internal static async Task QuietlyAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }
    }
}
