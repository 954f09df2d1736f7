using System.Collections.Concurrent;
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

        public ReadOnlyMemory<byte> ReadTypedInput() =>
            _typed.TryPeek(out var next) && next is string text && _typed.TryDequeue(out _) ? Encoding.UTF8.GetBytes(text) : ReadOnlyMemory<byte>.Empty;

        public void Write(ReadOnlySpan<byte> output)
        {
            lock (_shown)
            {
                _shown.Append(Encoding.UTF8.GetString(output));
            }
        }
    }
}
