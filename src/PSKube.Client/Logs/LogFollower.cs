using System.Net;
using System.Threading.Channels;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Transport;

namespace PSKube.Client.Logs;

/// <summary>
/// The follow mode of <see cref="LogFanIn"/>. One loop owns all the state and reacts to signals: pod changes from
/// the watches, and streams that ended. Each container's stream is a pump task writing lines into the output;
/// the loop starts a pump when a container has a log instance it has not streamed yet (it started, or restarted)
/// and stops a pod's pumps before reporting that the pod left. A pod takes its streams (one per container read) when
/// it joins: a pod whose streams do not fit under MaxConcurrency is reported and not followed (never announced as
/// joined); it joins once room frees up (a followed pod leaves). When pods come and go (a selector or owners),
/// it follows until cancelled; otherwise until its pods are done.
/// </summary>
internal sealed class LogFollower(KubeClient client, PodLogOptions firstRequest, LogFanInOptions options, bool podsComeAndGo, ChannelWriter<KubeLogEvent> output)
{
    private readonly Channel<object> _signals = Channel.CreateUnbounded<object>();
    private readonly Dictionary<string, FollowedPod> _pods = new(StringComparer.Ordinal);
    private readonly List<Task> _background = [];

    /// <summary>The pods refused for the limit, by key: as last seen, and whether they were there when following began.</summary>
    private readonly Dictionary<string, (Pod Latest, bool Initial)> _refused = new(StringComparer.Ordinal);

    /// <summary>The streams the followed pods hold (one per container read), running or not.</summary>
    private int _reserved;

    /// <summary>Follows until cancelled, or (for a fixed set of pods) until every pod is gone or finished; then completes the output.</summary>
    public async Task RunAsync(IReadOnlyList<Pod> initial, IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>> watches, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        try
        {
            foreach (var pod in initial)
            {
                await JoinAsync(pod, initial: true, stop.Token);
            }
            _background.AddRange(watches.Select(watch => ForwardAsync(watch, stop.Token)));
            while (podsComeAndGo || !AllDone())
            {
                var signal = await _signals.Reader.ReadAsync(stop.Token);
                switch (signal)
                {
                    case WatchEvent<Pod> { Type: WatchEventType.Deleted, Object: { } pod }:
                        await LeaveAsync(pod, stop.Token);
                        break;
                    case WatchEvent<Pod> { Object: { } pod }:
                        await UpdateAsync(pod, stop.Token);
                        break;
                    case StreamEnded ended when ended.Container.Pump is not null:
                        ended.Container.Pump = null;
                        StartStreams(ended.Pod, stop.Token);
                        break;
                    case Exception watchFailure:
                        throw watchFailure;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Cancelled: stop everything below.
        }
        catch (Exception e) when (e is KubeApiException or KubeApiUnreachableException or IOException or HttpRequestException)
        {
            failure = e;
        }
        await stop.CancelAsync();
        try
        {
            await LogFanIn.QuietlyAsync(Task.WhenAll(_background.Concat(_pods.Values.SelectMany(p => p.Pumps))));
        }
        finally
        {
            foreach (var container in _pods.Values.SelectMany(p => p.Containers))
            {
                container.Stop?.Dispose();
            }
            output.TryComplete(failure);
        }
    }

    private bool AllDone() => _pods.Values.All(p => p.Gone || p.Containers.Count == 0 || (PodContainers.Finished(p.Latest) && !p.Pumps.Any()));

    private async Task ForwardAsync(Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>> watch, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in watch(cancellationToken))
            {
                await _signals.Writer.WriteAsync(change, cancellationToken);
            }
        }
        catch (Exception e) when (e is KubeApiException or KubeApiUnreachableException or IOException or HttpRequestException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                _signals.Writer.TryWrite(e);
            }
        }
    }

    private static string Key(Pod pod) => $"{pod.Namespace}/{pod.Name}";

    private async Task UpdateAsync(Pod pod, CancellationToken cancellationToken)
    {
        if (_refused.TryGetValue(Key(pod), out var refused))
        {
            // Refused for the limit before: it stays so, without saying so again, until its streams fit.
            _refused[Key(pod)] = (pod, refused.Initial);
            await JoinRefusedAsync(cancellationToken);
            return;
        }
        if (_pods.TryGetValue(Key(pod), out var followed) && !followed.Gone && followed.Latest.Metadata?.Uid == pod.Metadata?.Uid)
        {
            followed.Latest = pod;
            StartStreams(followed, cancellationToken);
            return;
        }
        if (followed is { Gone: false })
        {
            // Deleted and made again under the same name before the watch said so: the old one has left.
            await LeaveAsync(followed.Latest, cancellationToken);
        }
        await JoinAsync(pod, initial: false, cancellationToken);
    }

    private async Task JoinAsync(Pod pod, bool initial, CancellationToken cancellationToken)
    {
        var streams = Streams(pod);
        if (streams > options.MaxConcurrency - _reserved)
        {
            _refused[Key(pod)] = (pod, initial);
            var limit = new KubeLogConcurrencyException(
                $"pod {pod.Name} is not followed: its {streams} log stream(s) would go over the limit of {options.MaxConcurrency} concurrent streams ({_reserved} taken); raise MaxConcurrency to follow it");
            await output.WriteAsync(KubeLogEvent.Failed(pod.Namespace!, pod.Name!, null, limit), cancellationToken);
            return;
        }
        var followed = new FollowedPod(pod);
        _pods[Key(pod)] = followed;
        await output.WriteAsync(KubeLogEvent.Joined(pod.Namespace!, pod.Name!), cancellationToken);
        if (PodContainers.DefaultedNotice(pod, options.Log.Container, options.AllContainers) is { } notice)
        {
            await output.WriteAsync(KubeLogEvent.Defaulted(pod.Namespace!, pod.Name!, notice), cancellationToken);
        }
        try
        {
            foreach (var name in PodContainers.Select(pod, options.Log.Container, options.AllContainers))
            {
                // Only what was there when following began is cut by the tail and since options; later lines are all new.
                followed.Containers.Add(new FollowedContainer(name) { UsesOptions = initial && PodContainers.LoggableInstance(pod, name) is not null });
            }
        }
        catch (InvalidOperationException e)
        {
            await output.WriteAsync(KubeLogEvent.Failed(pod.Namespace!, pod.Name!, options.Log.Container, e), cancellationToken);
        }
        _reserved += followed.Containers.Count;
        StartStreams(followed, cancellationToken);
    }

    /// <summary>How many streams following the pod takes: one per container read (none when its container is missing).</summary>
    private int Streams(Pod pod)
    {
        try
        {
            return PodContainers.Select(pod, options.Log.Container, options.AllContainers).Count;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>Stops the pod's streams, and only then says it left: no line of it comes after.</summary>
    private async Task LeaveAsync(Pod pod, CancellationToken cancellationToken)
    {
        if (_refused.Remove(Key(pod)))
        {
            // Never followed, so it never left either.
            return;
        }
        if (!_pods.TryGetValue(Key(pod), out var followed) || followed.Gone || followed.Latest.Metadata?.Uid != pod.Metadata?.Uid)
        {
            return;
        }
        followed.Gone = true;
        foreach (var container in followed.Containers.Where(c => c.Pump is not null))
        {
            await container.Stop!.CancelAsync();
            await LogFanIn.QuietlyAsync(container.Pump!);
            container.Pump = null;
        }
        _reserved -= followed.Containers.Count;
        await output.WriteAsync(KubeLogEvent.Left(pod.Namespace!, pod.Name!), cancellationToken);
        await JoinRefusedAsync(cancellationToken);
    }

    /// <summary>The pods refused for the limit whose streams fit now join, in name order.</summary>
    private async Task JoinRefusedAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, (latest, initial)) in _refused.OrderBy(r => r.Key, StringComparer.Ordinal).ToList())
        {
            if (Streams(latest) <= options.MaxConcurrency - _reserved)
            {
                _refused.Remove(key);
                await JoinAsync(latest, initial, cancellationToken);
            }
        }
    }

    private void StartStreams(FollowedPod pod, CancellationToken cancellationToken)
    {
        if (pod.Gone)
        {
            return;
        }
        foreach (var container in pod.Containers.Where(c => c.Pump is null))
        {
            var instance = PodContainers.LoggableInstance(pod.Latest, container.Name);
            if (instance is null || instance == container.StreamedInstance)
            {
                continue;
            }
            var request = container.UsesOptions && container.StreamedInstance is null
                ? firstRequest
                : new PodLogOptions { Timestamps = firstRequest.Timestamps, LimitBytes = firstRequest.LimitBytes };
            container.StreamedInstance = instance;
            container.Stop?.Dispose();
            container.Stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            container.Pump = PumpAsync(pod, container, request with { Container = container.Name, Follow = true }, container.Stop.Token);
        }
    }

    /// <summary>
    /// Streams one container instance until it ends. A dropped connection is resumed from the last timestamp
    /// delivered (not possible with LimitBytes and no timestamps: that is reported and ends the stream).
    /// </summary>
    private async Task PumpAsync(FollowedPod pod, FollowedContainer container, PodLogOptions request, CancellationToken cancellationToken)
    {
        var (@namespace, name) = (pod.Latest.Namespace!, pod.Latest.Name!);
        var resume = new LogResumePoint();
        var logPath = client.LogPath(@namespace, name);
        var reconnects = new ReconnectTracker(options.Health, client.Server, $"Log of pod {@namespace}/{name} container {container.Name}", logPath);
        request.Validate();
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var line in client.ReadLogLinesAsync(@namespace, name, request, reconnects.Connected, cancellationToken))
                    {
                        var record = LogFanIn.Record(pod.Latest, container.Name, line);
                        if (!request.Timestamps || resume.Accept(record.Record!.Timestamp))
                        {
                            await output.WriteAsync(record, cancellationToken);
                        }
                    }
                    return;
                }
                catch (Exception e) when (e is IOException or HttpRequestException or KubeApiUnreachableException && request.Timestamps && !cancellationToken.IsCancellationRequested && reconnects.Failed(e))
                {
                    await Task.Delay(reconnects.Pause(), cancellationToken);
                    if (resume.Resume() is { } since)
                    {
                        request = request with { TailLines = null, Since = null, SinceTime = since };
                    }
                }
            }
        }
        catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // The pod is going: the watch will say so.
        }
        catch (Exception e) when (e is KubeApiException or KubeApiUnreachableException or IOException or HttpRequestException)
        {
            // Once cancelled, a broken read is just the stop.
            if (!cancellationToken.IsCancellationRequested)
            {
                await output.WriteAsync(KubeLogEvent.Failed(@namespace, name, container.Name, e), cancellationToken);
            }
        }
        finally
        {
            _signals.Writer.TryWrite(new StreamEnded(pod, container));
        }
    }

    private sealed record StreamEnded(FollowedPod Pod, FollowedContainer Container);

    private sealed class FollowedPod(Pod pod)
    {
        public Pod Latest { get; set; } = pod;

        public bool Gone { get; set; }

        public List<FollowedContainer> Containers { get; } = [];

        public IEnumerable<Task> Pumps => Containers.Select(c => c.Pump).OfType<Task>();
    }

    private sealed class FollowedContainer(string name)
    {
        public string Name { get; } = name;

        /// <summary>Whether the first stream takes the caller's tail and since options.</summary>
        public bool UsesOptions { get; init; }

        /// <summary>The container ID streamed last: a new one means the container restarted.</summary>
        public string? StreamedInstance { get; set; }

        public Task? Pump { get; set; }

        public CancellationTokenSource? Stop { get; set; }
    }
}
