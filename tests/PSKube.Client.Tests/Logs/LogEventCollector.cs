using PSKube.Client.Logs;

namespace PSKube.Client.Tests.Logs;

/// <summary>Reads a followed merged log in the background, so a test can move the cluster on and look at what came.</summary>
internal sealed class LogEventCollector : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel = new(TimeSpan.FromSeconds(60));
    private readonly List<KubeLogEvent> _events = [];

    public LogEventCollector(LogFanIn fanIn)
    {
        Reading = Task.Run(async () =>
        {
            await foreach (var item in fanIn.ReadAsync(_cancel.Token))
            {
                lock (_events)
                {
                    _events.Add(item);
                }
            }
        });
    }

    /// <summary>Ends when the merged log ends, or with OperationCanceledException once cancelled.</summary>
    public Task Reading { get; }

    public IReadOnlyList<KubeLogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Lines(string pod) =>
        Events.Where(e => e.Kind == KubeLogEventKind.Line && e.Pod == pod).Select(e => e.Record!.Message).ToList();

    public async Task WaitForAsync(Func<IReadOnlyList<KubeLogEvent>, bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition(Events))
        {
            if (Reading.IsCompleted)
            {
                await Reading;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{because}; got:\n{string.Join('\n', Events)}");
            await Task.Delay(20);
        }
    }

    public Task CancelAsync() => _cancel.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        try
        {
            await Reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }
        _cancel.Dispose();
    }
}
