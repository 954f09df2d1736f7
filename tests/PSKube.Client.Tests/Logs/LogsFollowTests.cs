using System.Diagnostics;
using System.Text.Json.Nodes;
using PSKube.Client.Logs;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.Client.Tests.Workloads;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Logs;

/// <summary>The merged log while following: the concurrency limit, pods joining and leaving, waiting and restarted containers, dropped streams, cancellation.</summary>
public sealed class LogsFollowTests : IAsyncLifetime
{
    private const string Header = "PING 127.0.0.1 (127.0.0.1): 56 data bytes";
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private Task PingPodAsync(string name, string image = "alpine:3.20", string restartPolicy = "Always", params string[] args) =>
        _cluster.CreatePodAsync(name, Spec(restartPolicy, Container("ping", image, args: args.Length > 0 ? args : ["ping", "127.0.0.1"])),
            new JsonObject { ["labels"] = new JsonObject { ["app"] = "ping" } });

    private LogEventCollector Follow(LogFanInOptions options) =>
        new(new LogFanIn(_client, options with { Log = options.Log with { Follow = true } }));

    private static int Seq(string line) => int.Parse(line.Split("seq=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Moves the clock a second at a time, giving the streams a moment to deliver between steps.</summary>
    private async Task AdvanceAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            _cluster.Advance(1);
            await Task.Delay(20);
        }
    }

    [Fact]
    public void Logs_Follow_DefaultLimit_IsSternsFifty() =>
        Assert.Equal(50, new LogFanInOptions().MaxConcurrency);

    [Fact]
    public async Task Logs_Follow_MoreStreamsThanMaxConcurrency_FollowsUpToTheLimit_AndReportsTheRest()
    {
        await PingPodAsync("ping-a");
        await PingPodAsync("ping-b");
        await PingPodAsync("ping-c");
        await AdvanceAsync(3);

        await using var follow = Follow(new LogFanInOptions { LabelSelector = "app=ping", MaxConcurrency = 2, Log = new PodLogOptions { TailLines = 1 } });
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count > 0 && follow.Lines("ping-b").Count > 0 && e.Any(x => x.Kind == KubeLogEventKind.Failed), "two pods followed, the third refused");
        await AdvanceAsync(2);
        var refusal = follow.Events.Single(e => e.Kind == KubeLogEventKind.Failed);
        Assert.Equal(("ping-c", KubeLogFailure.TooManyStreams), (refusal.Pod, refusal.Failure));
        Assert.Equal("pod ping-c is not followed: its 1 log stream(s) would go over the limit of 2 concurrent streams (2 taken); raise MaxConcurrency to follow it", refusal.Error!.Message);
        // Never announced as followed, never read.
        Assert.Equal(["+ pod/ping-a", "+ pod/ping-b"], follow.Events.Where(e => e.Kind == KubeLogEventKind.Joined).Select(e => e.ToString()));
        Assert.Empty(follow.Lines("ping-c"));
        Assert.DoesNotContain(_cluster.Server.Faults.RecentRequests, r => r.PathAndQuery.Contains("/pods/ping-c/log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_Follow_APodRefusedForTheLimit_JoinsWhenAFollowedPodLeaves()
    {
        await PingPodAsync("ping-a");
        await PingPodAsync("ping-b");
        await AdvanceAsync(3);
        await using var follow = Follow(new LogFanInOptions { LabelSelector = "app=ping", MaxConcurrency = 1, Log = new PodLogOptions { TailLines = 1 } });
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count > 0 && e.Any(x => x.Kind == KubeLogEventKind.Failed), "ping-a followed, ping-b refused");
        Assert.Empty(follow.Lines("ping-b"));

        await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/ping-a", new JsonObject { ["gracePeriodSeconds"] = 0 });
        _cluster.Server.Controllers.RunOnce();
        await follow.WaitForAsync(e => follow.Lines("ping-b").Count > 0, "ping-b joins once ping-a has left");
        var announcements = follow.Events.Where(e => e.Kind is KubeLogEventKind.Joined or KubeLogEventKind.Left).Select(e => e.ToString()).ToList();
        Assert.Equal(["+ pod/ping-a", "- pod/ping-a", "+ pod/ping-b"], announcements);
        // It was there when following began, so it is tailed like the others.
        Assert.NotEqual(Header, follow.Lines("ping-b")[0]);
    }

    [Fact]
    public async Task Logs_Follow_PodJoiningBeyondMaxConcurrency_IsTooManyStreams_TheOthersGoOn()
    {
        await PingPodAsync("ping-a");
        await AdvanceAsync(2);
        await using var follow = Follow(new LogFanInOptions { LabelSelector = "app=ping", MaxConcurrency = 1, Log = new PodLogOptions { TailLines = 1 } });
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count == 1, "the first pod's tail");

        await PingPodAsync("ping-b");
        await AdvanceAsync(2);
        await follow.WaitForAsync(e => e.Any(x => x.Kind == KubeLogEventKind.Failed), "the refusal for the second pod");
        var refusal = follow.Events.Single(e => e.Kind == KubeLogEventKind.Failed);
        Assert.Equal(("ping-b", KubeLogFailure.TooManyStreams), (refusal.Pod, refusal.Failure));
        Assert.IsType<KubeLogConcurrencyException>(refusal.Error);
        Assert.DoesNotContain(follow.Events, e => e.ToString() == "+ pod/ping-b");
        var before = follow.Lines("ping-a").Count;
        await AdvanceAsync(2);
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count > before, "the first pod goes on");
        Assert.Empty(follow.Lines("ping-b"));
    }

    [Fact]
    public async Task Logs_Follow_Selector_PodsJoinAndLeave()
    {
        await PingPodAsync("ping-a");
        await AdvanceAsync(15);
        await using var follow = Follow(new LogFanInOptions { LabelSelector = "app=ping" });
        await follow.WaitForAsync(e => follow.Lines("ping-a").Count == 10, "the selector's tail of 10 lines of the running pod");
        Assert.Equal("+ pod/ping-a", follow.Events[0].ToString());

        await PingPodAsync("ping-b");
        await AdvanceAsync(2);
        await follow.WaitForAsync(e => follow.Lines("ping-b").Any(l => l.Contains("seq=2 ", StringComparison.Ordinal)), "the new pod's lines");
        Assert.Contains(follow.Events, e => e.ToString() == "+ pod/ping-b");
        // A pod that appears after following began is read from its first line, not tailed.
        Assert.Equal(Header, follow.Lines("ping-b")[0]);

        await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/ping-a", new JsonObject { ["gracePeriodSeconds"] = 0 });
        _cluster.Server.Controllers.RunOnce();
        await follow.WaitForAsync(e => e.Any(x => x.ToString() == "- pod/ping-a"), "the deleted pod leaves");
        var linesOfA = follow.Lines("ping-a").Count;
        await AdvanceAsync(3);
        await follow.WaitForAsync(e => follow.Lines("ping-b").Any(l => l.Contains("seq=5 ", StringComparison.Ordinal)), "the other pod goes on");

        Assert.Equal(linesOfA, follow.Lines("ping-a").Count);
        var events = follow.Events;
        var left = events.ToList().FindIndex(e => e.ToString() == "- pod/ping-a");
        Assert.DoesNotContain(events.Skip(left), e => e.Pod == "ping-a" && e.Kind == KubeLogEventKind.Line);
        var seqOfA = follow.Lines("ping-a").Select(Seq).ToList();
        Assert.Equal(Enumerable.Range(seqOfA[0], seqOfA.Count), seqOfA);
    }

    [Fact]
    public async Task Logs_Follow_ContainerNotStartedYet_IsStreamedOnceItRuns()
    {
        // An image the node does not have: the container waits for its pull.
        await PingPodAsync("pending", image: "busybox:1.36");
        await using var follow = Follow(new LogFanInOptions { PodNames = ["pending"] });
        await follow.WaitForAsync(e => e.Count > 0, "the pod joins");
        Assert.Equal("+ pod/pending", follow.Events.Single().ToString());

        await AdvanceAsync(15);
        await follow.WaitForAsync(e => follow.Lines("pending").Count >= 3, "the container's lines once it runs");
        Assert.Equal(Header, follow.Lines("pending")[0]);
        Assert.DoesNotContain(follow.Events, e => e.Kind == KubeLogEventKind.Failed);
    }

    [Fact]
    public async Task Logs_Follow_DroppedStreams_ResumeWithoutLostOrRepeatedLines()
    {
        await PingPodAsync("pingpong");
        await AdvanceAsync(5);
        await using var follow = Follow(new LogFanInOptions { PodNames = ["pingpong"] });
        await follow.WaitForAsync(e => follow.Lines("pingpong").Count >= 2, "the first lines");

        for (var round = 0; round < 4; round++)
        {
            await KubeletCluster.EventuallyAsync(() => _cluster.Server.Faults.OpenLogStreams > 0, "a log stream is open");
            Assert.True(_cluster.Server.Faults.DropLogStreams() > 0);
            await AdvanceAsync(2);
        }
        var last = Seq(follow.Lines("pingpong")[^1]);
        await AdvanceAsync(2);
        await follow.WaitForAsync(e => follow.Lines("pingpong").Any(l => l.Contains($"seq={last + 2} ", StringComparison.Ordinal)), "lines after the drops");

        var lines = follow.Lines("pingpong");
        Assert.Equal(Header, lines[0]);
        var sequence = lines.Skip(1).Select(Seq).ToList();
        Assert.Equal(Enumerable.Range(0, sequence.Count), sequence);
        Assert.DoesNotContain(follow.Events, e => e.Kind == KubeLogEventKind.Failed);
        Assert.Contains(_cluster.Server.Faults.RecentRequests, r => r.PathAndQuery.Contains("/log?", StringComparison.Ordinal) && r.PathAndQuery.Contains("sinceTime=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_Follow_RestartedContainer_IsFollowedAgain()
    {
        await PingPodAsync("flappy", "alpine:3.20", "Always", "ping", "-c", "2", "127.0.0.1");
        await using var follow = Follow(new LogFanInOptions { PodNames = ["flappy"] });
        // Until the third run has begun (two crash-loop back-offs, 10 s and 20 s): the kubelet and the streams may
        // lag the clock on a busy machine, so the clock goes on until the follow shows it, not for a fixed time.
        for (var i = 0; i < 200 && follow.Lines("flappy").Count(l => l == Header) < 3; i++)
        {
            await AdvanceAsync(1);
        }
        await follow.WaitForAsync(e => follow.Lines("flappy").Count(l => l == Header) >= 3, "a header for each run");
        await Task.Delay(200);

        // Each run's log whole and once: header, two replies, the summary.
        var runs = string.Join('\n', follow.Lines("flappy")).Split(Header + "\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(runs.Length >= 3, string.Join("\n--\n", runs));
        Assert.All(runs[..^1], run =>
        {
            var lines = run.TrimEnd('\n').Split('\n');
            Assert.Equal(6, lines.Length);
            Assert.Equal([0, 1], lines[..2].Select(Seq));
            Assert.StartsWith("2 packets transmitted", lines[4], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Logs_Follow_FixedPods_EndWhenTheyFinish()
    {
        await PingPodAsync("short", "alpine:3.20", "Never", "ping", "-c", "2", "127.0.0.1");
        await using var follow = Follow(new LogFanInOptions { PodNames = ["short"] });
        await AdvanceAsync(5);
        await follow.Reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("2 packets transmitted", follow.Lines("short")[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Follow_Cancelling_StopsPromptly()
    {
        await PingPodAsync("pingpong");
        await AdvanceAsync(3);
        var follow = Follow(new LogFanInOptions { LabelSelector = "app=ping" });
        await follow.WaitForAsync(e => follow.Lines("pingpong").Count > 0, "a first line");

        var stopwatch = Stopwatch.StartNew();
        await follow.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow.Reading);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {stopwatch.Elapsed}");
        await follow.DisposeAsync();
        await KubeletCluster.EventuallyAsync(() => _cluster.Server.Faults.OpenLogStreams == 0, "the log stream is closed");
    }
}
