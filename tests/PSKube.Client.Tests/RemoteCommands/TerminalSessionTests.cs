using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Streaming;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.RemoteCommands;

/// <summary>Interactive sessions (Enter-KubePod's logic) with a stand-in terminal against the fake's terminal shell.</summary>
public sealed class TerminalSessionTests : IAsyncLifetime
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

    [Fact]
    public async Task Session_SendsTypedKeysAndSizes_ShowsTheOutput_AndEndsWithTheShellsExit()
    {
        var (session, command) = await InteractiveShell.StartAsync(_client, "default", "shell", null, null, CancellationToken.None);
        await using var _ = session;
        // The fake's images have no bash: the fallback is sh.
        Assert.Equal(["sh"], command);
        var terminal = new StandInTerminal();
        terminal.Type("echo hi\r");
        terminal.Resize(100, 30);
        terminal.Type("exit 5\r");

        var result = await TerminalSession.RunAsync(session, terminal, TimeSpan.FromMilliseconds(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("hi\r\n", terminal.Shown, StringComparison.Ordinal);
        Assert.Contains("/ # ", terminal.Shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_IsPassedToTheRemoteProgram_NotUsedToStopTheSession()
    {
        var (session, _) = await InteractiveShell.StartAsync(_client, "default", "shell", null, ["cat"], CancellationToken.None);
        await using var _ = session;
        var terminal = new StandInTerminal();
        terminal.Type("\u0003");

        var result = await TerminalSession.RunAsync(session, terminal, TimeSpan.FromMilliseconds(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // cat died of the interrupt, as on a real terminal.
        Assert.Equal(130, result.ExitCode);
    }

    [Fact]
    public async Task Cancellation_EndsTheSessionWithin2Seconds()
    {
        var (session, _) = await InteractiveShell.StartAsync(_client, "default", "shell", null, ["sh"], CancellationToken.None);
        await using var _ = session;
        using var cancel = new CancellationTokenSource();
        var running = TerminalSession.RunAsync(session, new StandInTerminal(), TimeSpan.FromMilliseconds(5), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task CtrlC_InterruptsTheRemoteForegroundProgramWithin2Seconds()
    {
        // The fake's programs see an interrupt where they read their terminal (cat), not in sleep.
        var (session, _) = await InteractiveShell.StartAsync(_client, "default", "shell", null, ["sh", "-c", "echo reading; cat"], CancellationToken.None);
        await using var _ = session;
        var terminal = new StandInTerminal();
        var running = TerminalSession.RunAsync(session, terminal, TimeSpan.FromMilliseconds(5), CancellationToken.None);
        await WaitUntilAsync(() => terminal.Shown.Contains("reading", StringComparison.Ordinal));

        var stopwatch = Stopwatch.StartNew();
        terminal.Type("\u0003");
        var result = await running.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"ended after {stopwatch.Elapsed}");
        Assert.Equal(130, result.ExitCode);
    }

    /// <summary>Enter-KubePod's stop (its one token, for starting the shell and for running it): within 2 s, no connection left, nothing still running.</summary>
    [Fact]
    public async Task Stop_OfAShell_EndsWithin2Seconds_LeavingNoConnectionAndNoLoop()
    {
        // A client of its own, so the session's connection is the only one to the server.
        var client = FakeClusterClient.For(_cluster);
        using var stop = new CancellationTokenSource();
        var (session, _) = await InteractiveShell.StartAsync(client, "default", "shell", null, null, stop.Token);
        await AssertStopsCleanlyAsync(session, stop);
    }

    [Fact]
    public async Task Stop_OfAnAttach_EndsWithin2Seconds_LeavingNoConnectionAndNoLoop()
    {
        var client = FakeClusterClient.For(_cluster);
        using var stop = new CancellationTokenSource();
        var session = await client.AttachAsync("default", "shell", new RemoteCommandOptions { Stdin = true }, stop.Token);
        await AssertStopsCleanlyAsync(session, stop);
    }

    private async Task AssertStopsCleanlyAsync(RemoteCommandSession session, CancellationTokenSource stop)
    {
        var port = new Uri(_cluster.Server).Port;
        var terminal = new StandInTerminal();
        terminal.Type("echo hi\r");
        var running = TerminalSession.RunAsync(session, terminal, TimeSpan.FromMilliseconds(5), stop.Token);
        await WaitUntilAsync(() => terminal.Polls > 3);
        Assert.Equal(1, OpenConnections(port));

        var stopwatch = Stopwatch.StartNew();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(2)));
        // The socket's reader has ended too: the session is over, not just no longer awaited.
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(2) - stopwatch.Elapsed);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {stopwatch.Elapsed}");

        // Before the dispose Enter-KubePod does at the end: the stop alone closed the connection.
        await WaitUntilAsync(() => OpenConnections(port) == 0);
        await session.DisposeAsync();
        // Nothing polls the terminal any more.
        var polls = terminal.Polls;
        await Task.Delay(100);
        Assert.Equal(polls, terminal.Polls);
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

    [Theory]
    [InlineData(ConsoleKey.Enter, '\r', "\r")]
    [InlineData(ConsoleKey.UpArrow, '\0', "\u001b[A")]
    [InlineData(ConsoleKey.Backspace, '\b', "\u007f")]
    [InlineData(ConsoleKey.C, '\u0003', "\u0003")]
    [InlineData(ConsoleKey.A, 'é', "é")]
    public void Keys_AreTheBytesATerminalSends(ConsoleKey key, char keyChar, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(TerminalKeys.Bytes(new ConsoleKeyInfo(keyChar, key, false, false, false))));
    }

    [Fact]
    public void CtrlLetter_WithoutAControlCharacter_BecomesOne()
    {
        Assert.Equal("\u0004", Encoding.UTF8.GetString(TerminalKeys.Bytes(new ConsoleKeyInfo('\0', ConsoleKey.D, false, false, true))));
    }

    private sealed class StandInTerminal : ITerminal
    {
        private readonly ConcurrentQueue<object> _typed = new();
        private readonly StringBuilder _shown = new();
        private (int Width, int Height) _size = (80, 24);

        public (int Width, int Height) Size
        {
            get
            {
                // A resize queued between keystrokes takes effect when the session looks.
                if (_typed.TryPeek(out var next) && next is ValueTuple<int, int> size && _typed.TryDequeue(out _))
                {
                    _size = size;
                }
                return _size;
            }
        }

        public string Shown
        {
            get
            {
                lock (_shown)
                {
                    return _shown.ToString();
                }
            }
        }

        public void Type(string text) => _typed.Enqueue(text);

        public void Resize(int width, int height) => _typed.Enqueue((width, height));

        private int _polls;

        /// <summary>How often the session has looked for typed input.</summary>
        public int Polls => Volatile.Read(ref _polls);

        public ReadOnlyMemory<byte> ReadTypedInput()
        {
            Interlocked.Increment(ref _polls);
            return _typed.TryPeek(out var next) && next is string text && _typed.TryDequeue(out _) ? Encoding.UTF8.GetBytes(text) : ReadOnlyMemory<byte>.Empty;
        }

        public void Write(ReadOnlySpan<byte> output)
        {
            lock (_shown)
            {
                _shown.Append(Encoding.UTF8.GetString(output));
            }
        }
    }
}
