using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Streaming;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.RemoteCommands;

/// <summary>The client's exec and attach (KubeClient.ExecAsync/AttachAsync, RemoteCommandRun) against the fake cluster, v5 and v4.</summary>
public sealed class ExecClientTests : IAsyncLifetime
{
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        await StreamingPods.CreateRunningAsync(_cluster, "shell", StreamingPods.Container("main"));
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<List<RemoteCommandEvent>> RunAsync(IReadOnlyList<string> command, string? input = null, bool splitLines = true, string? container = null)
    {
        var events = new List<RemoteCommandEvent>();
        IReadOnlyList<ReadOnlyMemory<byte>>? stdin = input is null ? null : [Encoding.UTF8.GetBytes(input)];
        await foreach (var item in RemoteCommandRun.RunAsync(_client, "default", "shell", command, container, stdin, splitLines, CancellationToken.None))
        {
            events.Add(item);
        }
        return events;
    }

    private static List<string> Texts(IEnumerable<RemoteCommandEvent> events, RemoteCommandEventKind kind) => events.Where(e => e.Kind == kind).Select(e => e.Text!).ToList();

    [Fact]
    public async Task Run_Output_ComesAsLinesThenTheExitCodeZero()
    {
        var events = await RunAsync(["sh", "-c", "echo one; echo two"]);

        Assert.Equal(["one", "two"], Texts(events, RemoteCommandEventKind.Output));
        Assert.Equal(RemoteCommandEventKind.Ended, events[^1].Kind);
        Assert.Equal(0, events[^1].Result!.ExitCode);
        Assert.True(events[^1].Result!.Succeeded);
    }

    [Fact]
    public async Task Run_NonZeroExit_CarriesTheCodeFromTheStatusCause_AndStderrComesAsErrorLines()
    {
        var events = await RunAsync(["ls", "/nope"]);

        Assert.Empty(Texts(events, RemoteCommandEventKind.Output));
        Assert.Equal(["ls: /nope: No such file or directory"], Texts(events, RemoteCommandEventKind.Error));
        var result = events[^1].Result!;
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("NonZeroExitCode", result.Status!.Reason);
        Assert.Null(result.FailureMessage);
    }

    [Fact]
    public async Task Run_ShellExitCode_IsReported()
    {
        var events = await RunAsync(["sh", "-c", "echo partial; exit 3"]);

        Assert.Equal(["partial"], Texts(events, RemoteCommandEventKind.Output));
        Assert.Equal(3, events[^1].Result!.ExitCode);
    }

    [Fact]
    public async Task Run_Stdin_IsSentThenClosed_SoCatEnds()
    {
        var events = await RunAsync(["cat"], "hello\nworld\n");

        Assert.Equal(["hello", "world"], Texts(events, RemoteCommandEventKind.Output));
        Assert.DoesNotContain(events, e => e.Kind == RemoteCommandEventKind.InputNotClosed);
        Assert.Equal(0, events[^1].Result!.ExitCode);
    }

    [Fact]
    public async Task Run_NotSplit_PassesTheTextOnWithItsNewlines()
    {
        var events = await RunAsync(["cat"], "a\r\nb\n", splitLines: false);

        Assert.Equal("a\r\nb\n", string.Concat(Texts(events, RemoteCommandEventKind.Output)));
    }

    [Fact]
    public async Task Run_MissingExecutable_IsAFailureWithoutExitCode_InTheServersWords()
    {
        var events = await RunAsync(["bash"]);

        var result = events[^1].Result!;
        Assert.Null(result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Contains("executable file not found in $PATH", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_MissingPodOrContainer_IsTheServersRefusal()
    {
        var pod = await Assert.ThrowsAsync<KubeApiException>(() => _client.ExecAsync("default", "nope", ["date"], new RemoteCommandOptions(), CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, pod.StatusCode);
        Assert.Equal("pods \"nope\" not found", pod.Message);

        var container = await Assert.ThrowsAsync<KubeApiException>(() => _client.ExecAsync("default", "shell", ["date"], new RemoteCommandOptions { Container = "nope" }, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, container.StatusCode);
        Assert.Contains("container nope is not valid for pod shell", container.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WithABearerToken_IsAuthenticatedAsOtherRequests()
    {
        var withToken = FakeClusterClient.WithToken(_cluster, "wrong-token");
        var refused = await Assert.ThrowsAsync<KubeApiException>(() => withToken.ExecAsync("default", "shell", ["date"], new RemoteCommandOptions(), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Exec_V4Fallback_Works_ButCannotCloseStdin_SoCatEndsOnlyWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        await using var session = await _client.ExecAsync("default", "shell", ["cat"], new RemoteCommandOptions { Stdin = true }, [RemoteCommandSession.V4], cancel.Token);
        Assert.Equal(RemoteCommandSession.V4, session.Protocol);
        Assert.False(session.CanCloseStdin);

        await session.WriteInputAsync(Encoding.UTF8.GetBytes("ping\n"), CancellationToken.None);
        Assert.False(await session.CloseInputAsync(CancellationToken.None));
        await using (var frames = session.ReadOutputAsync(CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await frames.MoveNextAsync());
            Assert.Equal("ping\n", Encoding.UTF8.GetString(frames.Current.Data.Span));
        }

        var stopped = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var result = await session.Completion.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public async Task Exec_V4_ReportsExitCodes_LikeV5()
    {
        await using var session = await _client.ExecAsync("default", "shell", ["sh", "-c", "exit 4"], new RemoteCommandOptions(), [RemoteCommandSession.V4], CancellationToken.None);
        Assert.Equal(4, (await session.Completion.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
    }

    [Fact]
    public async Task Cancellation_StopsARunningCommandWithin2Seconds_AndLeavesNoConnection()
    {
        // A client of its own, so the exec's connection is the only one to the server.
        var client = FakeClusterClient.For(_cluster);
        var port = new Uri(_cluster.Server).Port;
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var run = Task.Run(async () =>
        {
            await foreach (var _ in RemoteCommandRun.RunAsync(client, "default", "shell", ["sh", "-c", "echo started; sleep 3600"], null, null, true, cancel.Token))
            {
                started.TrySetResult();
            }
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, OpenConnections(port));

        var stopped = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {stopped.Elapsed}");
        await WaitUntilAsync(() => OpenConnections(port) == 0);
    }

    [Fact]
    public async Task Tty_SessionTakesResizesAndInput_AndEndsWhenTheShellExits()
    {
        await using var session = await _client.ExecAsync("default", "shell", ["sh"], new RemoteCommandOptions { Stdin = true, Tty = true }, CancellationToken.None);
        await session.ResizeAsync(120, 40, CancellationToken.None);
        await session.WriteInputAsync(Encoding.UTF8.GetBytes("echo hi\r"), CancellationToken.None);
        await session.WriteInputAsync(Encoding.UTF8.GetBytes("exit 2\r"), CancellationToken.None);
        var output = new StringBuilder();
        await foreach (var frame in session.ReadOutputAsync(CancellationToken.None))
        {
            Assert.Equal(RemoteStream.Stdout, frame.Stream);
            output.Append(Encoding.UTF8.GetString(frame.Data.Span));
        }

        Assert.Contains("hi\r\n", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await session.Completion).ExitCode);
    }

    [Fact]
    public async Task Attach_EndsWithSuccess_WhenTheContainerStops()
    {
        await using var session = await _client.AttachAsync("default", "shell", new RemoteCommandOptions { Stdin = true }, CancellationToken.None);
        await session.WriteInputAsync(Encoding.UTF8.GetBytes("ignored\n"), CancellationToken.None);
        StreamingPods.SetRunning(_cluster, "shell");

        Assert.Equal(0, (await session.Completion.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
    }

    private static int OpenConnections(int serverPort) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == serverPort && c.State == TcpState.Established);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "The condition did not hold within 10 s.");
            await Task.Delay(20);
        }
    }
}
