using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client.Logs;

/// <summary>
/// The logs of many pods and containers merged into one stream, as stern and kubectl logs -l do. Without Follow,
/// each container's lines come together and in order, container by container, pods in a stable order (up to
/// MaxConcurrency logs are fetched at once). With Follow, lines interleave as they arrive (in order per
/// container): containers that start later are picked up, restarted ones followed again, dropped streams resumed
/// without loss or repeats; with a selector or owners, pods that appear join and pods deleted leave, until cancelled.
/// A failure of one pod or container is a Failed event; the others go on.
/// </summary>
public sealed class LogFanIn
{
    private const int SelectorTailLines = 10;

    /// <summary>The TailLines that asks for every line even with a selector (kubectl's --tail=-1).</summary>
    public const long AllLines = -1;
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    private readonly KubeClient _client;
    private readonly LogFanInOptions _options;

    /// <summary>The pod lists behind the selector and the owners; any at all means pods come and go while following.</summary>
    private readonly IReadOnlyList<PodQuery> _queries;

    /// <summary>Checks the options (an <see cref="ArgumentException"/> or <see cref="FormatException"/> says what to change); nothing is sent yet.</summary>
    public LogFanIn(KubeClient client, LogFanInOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _client = client;
        _options = options;
        _queries = Queries(client, options);
    }

    /// <summary>
    /// Reads the logs. Following, a pod whose streams would go over MaxConcurrency is a Failed event
    /// (<see cref="KubeLogFailure.TooManyStreams"/>) and is not followed; a failed pod watch ends the stream with its exception.
    /// </summary>
    public IAsyncEnumerable<KubeLogEvent> ReadAsync(CancellationToken cancellationToken) =>
        _options.Log.Follow ? FollowAsync(cancellationToken) : ReadOnceAsync(cancellationToken);

    /// <summary>
    /// The log options of the first request of each container: kubectl's default tail with a selector, and
    /// timestamps always (records carry them; resuming needs them), unless they would count against LimitBytes.
    /// </summary>
    private PodLogOptions FirstRequest => _options.Log with
    {
        TailLines = _options.Log.TailLines switch
        {
            AllLines => null,
            null when _queries.Count > 0 => SelectorTailLines,
            var tail => tail,
        },
        Timestamps = _options.Log.Timestamps || _options.Log.LimitBytes is null,
    };

    private static void Validate(LogFanInOptions options)
    {
        options.ValidateReading();
        var fixedPods = options.PodNames.Count + options.Pods.Count;
        if (options.LabelSelector is null && fixedPods == 0 && options.Owners.Count == 0)
        {
            throw new ArgumentException("Name the pods to read (by name or as objects), give a label selector, or give objects whose pods to read.");
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
        if (options.Owners.Any(o => o is null))
        {
            throw new ArgumentException("Owners cannot hold null.");
        }
    }

    private async IAsyncEnumerable<KubeLogEvent> ReadOnceAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pods, _, missing, _) = await ResolvePodsAsync(cancellationToken);
        foreach (var failure in missing)
        {
            yield return failure;
        }

        // Each container's log has its own channel, read in order; fetches start in the same order, so the one
        // being read has always got its slot and a slow reader holds back only the few fetched ahead.
        var work = new List<(KubeLogEvent? Failure, Pod? Pod, string? Container, Channel<KubeLogEvent>? Lines)>();
        foreach (var pod in pods)
        {
            if (PodContainers.DefaultedNotice(pod, _options.Log.Container, _options.AllContainers) is { } notice)
            {
                work.Add((KubeLogEvent.Defaulted(pod.Namespace!, pod.Name!, notice), null, null, null));
            }
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
        catch (KubeApiUnreachableException e)
        {
            // Not this container's failure but the server's: the reader stops the whole read when it gets here.
            lines.TryComplete(e);
        }
        finally
        {
            lines.TryComplete();
            slots.Release();
        }
    }

    private async IAsyncEnumerable<KubeLogEvent> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pods, fixedPods, missing, listed) = await ResolvePodsAsync(cancellationToken);
        foreach (var failure in missing)
        {
            yield return failure;
        }

        var output = Channel.CreateBounded<KubeLogEvent>(1024);
        var follower = new LogFollower(_client, FirstRequest, _options, podsComeAndGo: _queries.Count > 0, output.Writer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = follower.RunAsync(pods, Watches(fixedPods, listed), stop.Token);
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

    /// <summary>
    /// What tells the follower about its pods: a watch per query (selector, owner), one per pod given by name or
    /// object, each from where its first read left off, so a pod that goes before the watch starts is still seen to go.
    /// </summary>
    private IReadOnlyList<Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>> Watches(IReadOnlyList<Pod> fixedPods, IReadOnlyList<(IReadOnlyList<Pod> Items, string Version)> listed) =>
        _queries
            .Select((q, i) => (Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>)(token =>
                _client.WatchAfterListAsync(Pods, q.Namespace, q.Options, listed[i].Items, listed[i].Version, _options.Health, token)))
            .Concat(fixedPods.Select(p => (Func<CancellationToken, IAsyncEnumerable<WatchEvent<Pod>>>)(token => _client.WatchAfterListAsync(
                Pods, p.Namespace, new ListOptions { FieldSelector = "metadata.name=" + Selectors.FieldSelector.EscapeValue(p.Name!) }, [p], p.Metadata!.ResourceVersion!, _options.Health, token))))
            .ToList();

    /// <summary>
    /// The pod lists to read: the label selector's, and each owner's (its selector in its own namespace; a node's
    /// pods in every namespace). Owners that select nothing add none. A kind without pods is an <see cref="ArgumentException"/>.
    /// </summary>
    private static List<PodQuery> Queries(KubeClient client, LogFanInOptions options)
    {
        var @namespace = options.Namespace ?? client.DefaultNamespace;
        var queries = options.Owners
            .Select(owner => (Owner: owner, Query: PodsOf.Query(owner)))
            .Where(o => !o.Query.SelectsNothing)
            .Select(o => o.Query with { Namespace = o.Query.Namespace ?? (o.Owner is Node ? null : @namespace) })
            .ToList();
        if (options.LabelSelector is { } selector)
        {
            queries.Add(new PodQuery(options.AllNamespaces ? null : @namespace, new ListOptions { LabelSelector = selector }));
        }
        return queries;
    }

    /// <summary>
    /// The pods as they are now: those given by name or object in that order, then those the queries list, in a
    /// stable order, each once; which of them were given; and a Failed event for each given pod that does not exist.
    /// </summary>
    private async Task<(IReadOnlyList<Pod> Pods, IReadOnlyList<Pod> Fixed, IReadOnlyList<KubeLogEvent> Missing, IReadOnlyList<(IReadOnlyList<Pod> Items, string Version)> Listed)> ResolvePodsAsync(CancellationToken cancellationToken)
    {
        var @namespace = _options.Namespace ?? _client.DefaultNamespace;
        var wanted = _options.Pods.Select(p => (Namespace: p.Namespace ?? @namespace, Name: p.Name!)).Concat(_options.PodNames.Select(n => (Namespace: @namespace, Name: n)));
        // Read together (up to MaxConcurrency at once), not one after another: with many pods piped in, a round trip
        // each would come before the first stream opens.
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var reads = await Task.WhenAll(wanted.Distinct().Select(pod => ReadAsync(pod.Namespace, pod.Name)));
        var pods = reads.Where(r => r.Pod is not null).Select(r => r.Pod!).ToList();
        var missing = reads.Where(r => r.Missing is not null).Select(r => r.Missing!).ToList();
        var given = pods.Count;
        var seen = pods.Select(Key).ToHashSet(StringComparer.Ordinal);
        var listed = new List<Pod>();
        var lists = new List<(IReadOnlyList<Pod> Items, string Version)>();
        foreach (var query in _queries)
        {
            var (items, version) = await _client.ListAllAsync<Pod>(Pods, query.Namespace, query.Options, cancellationToken);
            lists.Add((items, version));
            listed.AddRange(items.Where(p => seen.Add(Key(p))));
        }
        pods.AddRange(listed.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal));
        return (pods, pods[..given], missing, lists);

        async Task<(Pod? Pod, KubeLogEvent? Missing)> ReadAsync(string podNamespace, string name)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return (await _client.GetAsync<Pod>(Pods, podNamespace, name, cancellationToken), null);
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                return (null, KubeLogEvent.Failed(podNamespace, name, null, e));
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static string Key(Pod pod) => $"{pod.Namespace}/{pod.Name}";

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
