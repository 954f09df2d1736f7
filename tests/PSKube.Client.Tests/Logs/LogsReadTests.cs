using System.Net;
using PSKube.Client.Logs;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Logs;

/// <summary>One container's log through KubeClient.ReadLogAsync, against the simulated kubelet.</summary>
public sealed class LogsReadTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<List<string>> ReadAsync(string pod, PodLogOptions options)
    {
        var lines = new List<string>();
        await foreach (var line in _client.ReadLogAsync("default", pod, options, CancellationToken.None))
        {
            lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public async Task Logs_ReadLog_TailTimestampsAndSince()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine:3.20", args: ["ping", "127.0.0.1"])));
        _cluster.Advance(20);

        var all = await ReadAsync("pingpong", new PodLogOptions());
        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", all[0]);
        Assert.Equal(all[^2..], await ReadAsync("pingpong", new PodLogOptions { TailLines = 2 }));

        var stamped = await ReadAsync("pingpong", new PodLogOptions { Timestamps = true, Container = "pingpong" });
        Assert.Equal(all.Count, stamped.Count);
        var split = stamped.Select(KubeLogRecord.SplitTimestamp).ToList();
        Assert.Equal(all, split.Select(s => s.Message));
        Assert.All(split, s => Assert.NotNull(s.Timestamp));
        Assert.Equal(TimeSpan.FromSeconds(1), split[3].Timestamp - split[2].Timestamp);

        var recent = await ReadAsync("pingpong", new PodLogOptions { Since = TimeSpan.FromSeconds(3) });
        Assert.InRange(recent.Count, 2, 4);
        Assert.Equal(all[^recent.Count..], recent);

        var fromTime = await ReadAsync("pingpong", new PodLogOptions { SinceTime = split[^3].Timestamp!.Value.AddSeconds(1) });
        Assert.Equal(all[^2..], fromTime);

        Assert.Equal(["PING 127.0"], await ReadAsync("pingpong", new PodLogOptions { LimitBytes = 10 }));
    }

    [Fact]
    public async Task Logs_ReadLog_PreviousIsTheLastTerminatedInstance()
    {
        await _cluster.CreatePodAsync("duplicate-containers", Spec("Always",
            Container("one", "gcr.io/kuar-demo/kuard-amd64:1"),
            Container("two", "gcr.io/kuar-demo/kuard-amd64:1")));
        _cluster.Advance(15);

        var previous = await ReadAsync("duplicate-containers", new PodLogOptions { Container = "two", Previous = true });
        Assert.EndsWith(" listen tcp :8080: bind: address already in use", previous[^1]);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReadAsync("duplicate-containers", new PodLogOptions { Container = "one", Previous = true }));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("previous terminated container \"one\" in pod \"duplicate-containers\" not found", error.Message);
    }

    [Fact]
    public async Task Logs_ReadLog_ContainerNotStarted_IsKubeApiException()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine:3.20", args: ["ping", "127.0.0.1"])));

        var error = await Assert.ThrowsAsync<KubeApiException>(() => ReadAsync("pingpong", new PodLogOptions()));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("container \"pingpong\" in pod \"pingpong\" is waiting to start: ContainerCreating", error.Message);
    }

    [Fact]
    public async Task Logs_ReadLog_Follow_StreamsUntilTheContainerEnds()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Never", Container("pingpong", "alpine:3.20", args: ["ping", "-c", "3", "127.0.0.1"])));
        _cluster.Advance(3);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        await foreach (var line in _client.ReadLogAsync("default", "pingpong", new PodLogOptions { Follow = true }, timeout.Token))
        {
            lines.Add(line);
            if (lines.Count == 2)
            {
                _cluster.Advance(5);
            }
        }
        Assert.Equal("3 packets transmitted, 3 packets received, 0% packet loss", lines[^2]);
    }

    [Theory]
    [InlineData(5, 0, -1L, null, "Since and SinceTime cannot both be given: use one of them.")]
    [InlineData(0, -1, null, null, "TailLines must be 0 or more, not -1; leave it out to read every line.")]
    [InlineData(0, 0, null, 0L, "LimitBytes must be 1 or more, not 0; leave it out for no limit.")]
    [InlineData(-2, 0, null, null, "Since must be a positive time span, not -00:00:02.")]
    public void Logs_ReadLog_BadOptions_FailBeforeAnyRequest(int sinceSeconds, long tail, long? sinceTimeOffset, long? limitBytes, string message)
    {
        var options = new PodLogOptions
        {
            Since = sinceSeconds == 0 ? null : TimeSpan.FromSeconds(sinceSeconds),
            SinceTime = sinceTimeOffset is null ? null : DateTimeOffset.UtcNow.AddSeconds(sinceTimeOffset.Value),
            TailLines = tail == 0 ? null : tail,
            LimitBytes = limitBytes,
        };
        var error = Assert.Throws<ArgumentException>(() => _client.ReadLogAsync("default", "pingpong", options, CancellationToken.None));
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain(_cluster.Server.Faults.RecentRequests, r => r.PathAndQuery.Contains("/log", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-05-06T07:08:09.123456789Z msg", "2024-05-06T07:08:09.1234567+00:00", "msg")]
    [InlineData("2024-05-06T07:08:09Z two words", "2024-05-06T07:08:09.0000000+00:00", "two words")]
    [InlineData("2024-05-06T09:08:09.5+02:00 x", "2024-05-06T07:08:09.5000000+00:00", "x")]
    [InlineData("no timestamp here", null, "no timestamp here")]
    public void Logs_SplitTimestamp_ReadsTheKubeletPrefix(string line, string? time, string message)
    {
        var (timestamp, text) = KubeLogRecord.SplitTimestamp(line);
        Assert.Equal(time, timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(message, text);
    }

    [Theory]
    [InlineData("2024-05-06T07:08:09.123456789Z msg", true, "2024-05-06T07:08:09.1234567Z msg")]
    [InlineData("2024-05-06T07:08:09.500Z msg", true, "2024-05-06T07:08:09.5Z msg")]
    [InlineData("2024-05-06T09:08:09+02:00 two words", true, "2024-05-06T07:08:09Z two words")]
    [InlineData("2024-05-06T07:08:09.5Z msg", false, "msg")]
    [InlineData("no timestamp here", true, "no timestamp here")]
    public void Logs_Record_ToLine_IsWhatKubectlPrints(string line, bool withTimestamp, string expected)
    {
        var (timestamp, text) = KubeLogRecord.SplitTimestamp(line);
        Assert.Equal(expected, new KubeLogRecord("default", "pod", "c", timestamp, text).ToLine(withTimestamp));
    }
}
