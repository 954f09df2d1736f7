using System.Text;
using PSKube.Client.FileCopy;
using PSKube.Client.Models;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Streaming;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FileCopy;

/// <summary>Copy-KubeFile's logic against the fake cluster, whose containers run busybox's tar over exec as kubectl cp needs.</summary>
public sealed class PodFileCopyTests : IAsyncLifetime
{
    private readonly string _local = Directory.CreateTempSubdirectory("pskube-cp-").FullName;
    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        await StreamingPods.CreateRunningAsync(_cluster, "box", StreamingPods.Container("main"));
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_local, recursive: true);
    }

    private string Local(params string[] parts) => Path.Combine([_local, .. parts]);

    private Task<PodFileCopyResult> ToPodAsync(string local, string remote, IProgress<FileCopyProgress>? progress = null) =>
        PodFileCopy.ToPodAsync(_client, "default", "box", null, local, remote, progress, CancellationToken.None);

    private Task<PodFileCopyResult> FromPodAsync(string remote, string local, IProgress<FileCopyProgress>? progress = null) =>
        PodFileCopy.FromPodAsync(_client, "default", "box", null, remote, local, progress, CancellationToken.None);

    private async Task<string> ExecAsync(params string[] command)
    {
        var output = new StringBuilder();
        await foreach (var item in RemoteCommandRun.RunAsync(_client, "default", "box", command, null, null, splitLines: true, CancellationToken.None))
        {
            if (item.Kind == RemoteCommandEventKind.Output)
            {
                output.Append(item.Text).Append('\n');
            }
        }
        return output.ToString();
    }

    private void MakeTree(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "sub", "deeper"));
        File.WriteAllText(Path.Combine(root, "a.txt"), "first\n");
        File.WriteAllText(Path.Combine(root, "sub", "b.txt"), "second\n");
        File.WriteAllBytes(Path.Combine(root, "sub", "deeper", "c.bin"), [0, 1, 2, 255, 254, 10, 13]);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        static List<string> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(expected), Files(actual));
        Assert.All(Files(expected), file => Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file))));
    }

    [Fact]
    public async Task Folder_RoundTrip_WithNestedFolders_KeepsEveryByte()
    {
        MakeTree(Local("up"));

        var sent = await ToPodAsync(Local("up"), "/tmp/up");
        Assert.Equal("/tmp/up", sent.Destination);
        Assert.Equal(3, sent.Files);
        Assert.Equal("second\n", await ExecAsync("cat", "/tmp/up/sub/b.txt"));

        var received = await FromPodAsync("/tmp/up", Local("down"));
        Assert.Equal(Local("down"), received.Destination);
        Assert.Equal((3, 3), (received.Files, received.Folders));
        Assert.Empty(received.Problems);
        AssertSameTree(Local("up"), Local("down"));
    }

    [Fact]
    public async Task File_RoundTrip_IntoExistingFolders_GoesInsideUnderItsName()
    {
        await File.WriteAllTextAsync(Local("app.conf"), "port=80\n");
        Directory.CreateDirectory(Local("back"));

        // /tmp is a folder: the file goes into it, as cp and kubectl cp do.
        var sent = await ToPodAsync(Local("app.conf"), "/tmp/");
        Assert.Equal("/tmp/app.conf", sent.Destination);
        var received = await FromPodAsync("/tmp/app.conf", Local("back"));

        Assert.Equal(Local("back", "app.conf"), received.Destination);
        Assert.Equal("port=80\n", await File.ReadAllTextAsync(Local("back", "app.conf")));
    }

    [Fact]
    public async Task File_ToANewName_InThePodAndLocally()
    {
        await File.WriteAllTextAsync(Local("app.conf"), "port=80\n");

        await ToPodAsync(Local("app.conf"), "/tmp/renamed.conf");
        await FromPodAsync("/tmp/renamed.conf", Local("local.conf"));

        Assert.Equal("port=80\n", await ExecAsync("cat", "/tmp/renamed.conf"));
        Assert.Equal("port=80\n", await File.ReadAllTextAsync(Local("local.conf")));
    }

    [Fact]
    public async Task LargeFile_ReportsProgress_AsTheBytesMove_BothWays()
    {
        var content = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(content);
        await File.WriteAllBytesAsync(Local("big.bin"), content);
        var up = new Reports();
        var down = new Reports();

        await ToPodAsync(Local("big.bin"), "/tmp/big.bin", up);
        await FromPodAsync("/tmp/big.bin", Local("big-back.bin"), down);

        Assert.Equal(content, await File.ReadAllBytesAsync(Local("big-back.bin")));
        foreach (var reports in new[] { up.Items, down.Items })
        {
            Assert.True(reports.Count > 10, $"{reports.Count} reports");
            Assert.Equal(reports.Select(r => r.Bytes).Order(), reports.Select(r => r.Bytes));
            Assert.True(reports[^1].Bytes >= content.Length);
        }
        Assert.All(up.Items, r => Assert.Equal(content.Length, r.TotalBytes));
        Assert.All(down.Items, r => Assert.Null(r.TotalBytes));
    }

    [Fact]
    public async Task MissingRemotePath_IsRemotePathNotFound()
    {
        var error = await Assert.ThrowsAsync<PodFileCopyException>(() => FromPodAsync("/nope", Local("x")));

        Assert.Equal(PodFileCopyFailure.RemotePathNotFound, error.Failure);
        Assert.Contains("/nope", error.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(Local("x")));
    }

    [Fact]
    public async Task MissingRemoteFolder_ToCopyInto_IsRemotePathNotFound()
    {
        await File.WriteAllTextAsync(Local("app.conf"), "x");

        var error = await Assert.ThrowsAsync<PodFileCopyException>(() => ToPodAsync(Local("app.conf"), "/no/such/app.conf"));

        Assert.Equal(PodFileCopyFailure.RemotePathNotFound, error.Failure);
    }

    [Fact]
    public async Task MissingLocalPath_IsLocalPathNotFound_BeforeAnyRequest()
    {
        var error = await Assert.ThrowsAsync<PodFileCopyException>(() => PodFileCopy.ToPodAsync(_client, "default", "no-such-pod", null, Local("nope"), "/tmp", null, CancellationToken.None));

        Assert.Equal(PodFileCopyFailure.LocalPathNotFound, error.Failure);
    }

    [Fact]
    public async Task MissingPod_IsTheServersNotFound()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() => PodFileCopy.FromPodAsync(_client, "default", "ghost", null, "/etc", Local("x"), null, CancellationToken.None));

        Assert.Equal(KubeErrorKind.NotFound, KubeErrors.Classify(error));
    }

    [Fact]
    public async Task Cancellation_StopsACopyWithin2Seconds()
    {
        var content = new byte[8 * 1024 * 1024];
        await File.WriteAllBytesAsync(Local("big.bin"), content);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var copy = PodFileCopy.ToPodAsync(_client, "default", "box", null, Local("big.bin"), "/tmp/big.bin", new Reports(started), cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copy.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {stopped.Elapsed}");
    }

    [Theory]
    [InlineData("failed to exec in container: ... exec: \"tar\": executable file not found in $PATH: unknown", PodFileCopyFailure.TarNotFound)]
    [InlineData("container not running", PodFileCopyFailure.TarFailed)]
    public void Failure_OfACommandThatDidNotStart(string message, PodFileCopyFailure expected)
    {
        var ended = RemoteCommandResult.From(new Status { StatusValue = "Failure", Message = message });

        Assert.Equal(expected, PodFileCopy.Failure(ended, "", "box", "/etc", null)!.Failure);
    }

    [Fact]
    public void Failure_OfTarItself_SaysWhatTarSaid_WithoutItsLeadingSlashNotice()
    {
        var ended = RemoteCommandResult.From(new Status { StatusValue = "Failure", Reason = "NonZeroExitCode", Details = new StatusDetails { Causes = [new StatusCause { Reason = "ExitCode", Message = "2" }] } });

        var failure = PodFileCopy.Failure(ended, "tar: removing leading '/' from member names\ntar: write error: No space left on device\n", "box", "/etc", null)!;

        Assert.Equal(PodFileCopyFailure.TarFailed, failure.Failure);
        Assert.Equal("tar in pod box failed with exit code 2: tar: write error: No space left on device", failure.Message);
    }

    private sealed class Reports(TaskCompletionSource? first = null) : IProgress<FileCopyProgress>
    {
        private readonly List<FileCopyProgress> _items = [];

        public List<FileCopyProgress> Items
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }

        public void Report(FileCopyProgress value)
        {
            lock (_items)
            {
                _items.Add(value);
            }
            first?.TrySetResult();
        }
    }
}
