using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Tests.FakeClusterTests;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The bytes of GET pods/NAME/log: selection of the container instance, the query options and the API server's errors.</summary>
public sealed class LogsHttpTests : IAsyncLifetime
{
    private const string PodLog = "/api/v1/namespaces/default/pods/pingpong/log";
    private KubeletCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private Task StartPingAsync(string[]? args = null) =>
        _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine:3.20", args: args ?? ["ping", "127.0.0.1"])));

    private async Task<(int Code, string Text, string? ContentType)> GetAsync(string path)
    {
        using var response = await _cluster.Http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Log_IsWhatThePingProgramPrinted_OneReplyASecond()
    {
        await StartPingAsync();
        _cluster.Advance(10);

        var (code, text, contentType) = await GetAsync(PodLog);
        Assert.Equal(200, code);
        Assert.Equal("text/plain", contentType);
        var lines = Lines(text);
        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", lines[0]);
        Assert.Matches(@"^64 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=0\.0\d\d ms$", lines[1]);
        Assert.Matches(@"^64 bytes from 127\.0\.0\.1: seq=1 ttl=64 time=0\.0\d\d ms$", lines[2]);
        Assert.InRange(lines.Length, 8, 11);
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public async Task Timestamps_PrefixEachLineWithNanosecondRfc3339()
    {
        await StartPingAsync();
        _cluster.Advance(6);

        var lines = Lines((await GetAsync(PodLog + "?timestamps=true")).Text);
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ", l));
        Assert.EndsWith(" PING 127.0.0.1 (127.0.0.1): 56 data bytes", lines[0]);
        var times = lines.Select(l => DateTimeOffset.Parse(l[..30], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), times[2] - times[1]);
    }

    [Fact]
    public async Task TailSinceAndLimitBytes_CutTheLog()
    {
        await StartPingAsync();
        _cluster.Advance(20);
        var all = Lines((await GetAsync(PodLog)).Text);

        Assert.Equal(all[^2..], Lines((await GetAsync(PodLog + "?tailLines=2")).Text));
        Assert.Empty(Lines((await GetAsync(PodLog + "?tailLines=0")).Text));

        var recent = Lines((await GetAsync(PodLog + "?sinceSeconds=3")).Text);
        Assert.InRange(recent.Length, 2, 4);
        Assert.Equal(all[^recent.Length..], recent);

        var stamped = Lines((await GetAsync(PodLog + "?timestamps=true")).Text);
        var sinceTime = Uri.EscapeDataString(stamped[^3][..19] + "Z");
        var sinceLines = Lines((await GetAsync(PodLog + "?sinceTime=" + sinceTime)).Text);
        Assert.InRange(sinceLines.Length, 2, 4);
        Assert.Equal(all[^1], sinceLines[^1]);

        var (_, limited, _) = await GetAsync(PodLog + "?limitBytes=10");
        Assert.Equal("PING 127.0", limited);
    }

    [Fact]
    public async Task SinceTime_HasWholeSecondPrecision_AsTheApiServerPassesItToTheKubelet()
    {
        await StartPingAsync();
        _cluster.Advance(6);
        var stamped = Lines((await GetAsync(PodLog + "?timestamps=true")).Text);

        // Just after the third reply: the fraction is dropped, so that reply is still included.
        var justAfter = DateTimeOffset.Parse(stamped[3][..30], CultureInfo.InvariantCulture).AddTicks(1);
        var query = Uri.EscapeDataString(justAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        var since = Lines((await GetAsync(PodLog + "?timestamps=true&sinceTime=" + query)).Text);
        Assert.Equal(stamped[3..], since);
    }

    [Fact]
    public async Task Follow_CutByFaultInjection_EndsWithoutAProperEnd()
    {
        await StartPingAsync();
        _cluster.Advance(4);
        using var request = new HttpRequestMessage(HttpMethod.Get, PodLog + "?follow=true");
        using var response = await _cluster.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", await reader.ReadLineAsync());

        Assert.Equal(1, _cluster.Server.Faults.OpenLogStreams);
        Assert.Equal(1, _cluster.Server.Faults.DropLogStreams());
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Follow_StreamsNewLines_AndEndsWhenTheContainerEnds()
    {
        await StartPingAsync(["ping", "-c", "3", "127.0.0.1"]);
        _cluster.Advance(4);
        using var request = new HttpRequestMessage(HttpMethod.Get, PodLog + "?follow=true");
        using var response = await _cluster.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", await reader.ReadLineAsync());
        Assert.StartsWith("64 bytes from 127.0.0.1: seq=0 ", await reader.ReadLineAsync());
        _cluster.Advance(5);
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("seq=2 ", rest);
        Assert.Contains("3 packets transmitted, 3 packets received, 0% packet loss", rest);
    }

    [Fact]
    public async Task Follow_EndsWhenThePodIsGone()
    {
        await StartPingAsync();
        _cluster.Advance(4);
        using var request = new HttpRequestMessage(HttpMethod.Get, PodLog + "?follow=true&tailLines=1");
        using var response = await _cluster.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("64 bytes from ", await reader.ReadLineAsync());

        await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/pingpong", new JsonObject { ["gracePeriodSeconds"] = 0 });
        _cluster.Server.Controllers.RunOnce();
        await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Previous_IsTheLastTerminatedInstance()
    {
        await _cluster.CreatePodAsync("duplicate-containers", Spec("Always",
            Container("one", "gcr.io/kuar-demo/kuard-amd64:1"),
            Container("two", "gcr.io/kuar-demo/kuard-amd64:1")));
        _cluster.Advance(15);
        const string log = "/api/v1/namespaces/default/pods/duplicate-containers/log";

        var one = Lines((await GetAsync(log + "?container=one")).Text);
        Assert.Matches(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d Starting kuard version: ", one[0]);
        Assert.EndsWith(" Serving on HTTP on :8080", one[^1]);

        var (code, previous, _) = await GetAsync(log + "?container=two&previous=true");
        Assert.Equal(200, code);
        var lines = Lines(previous);
        Assert.EndsWith(" Serving on HTTP on :8080", lines[^2]);
        Assert.EndsWith(" listen tcp :8080: bind: address already in use", lines[^1]);

        var (noPrevious, status) = await _cluster.Http.SendAsync(HttpMethod.Get, log + "?container=one&previous=true");
        Assert.Equal(400, noPrevious);
        Assert.Equal("previous terminated container \"one\" in pod \"duplicate-containers\" not found", (string?)status!["message"]);
    }

    [Fact]
    public async Task ContainerChoice_FollowsTheApiServer()
    {
        await _cluster.CreatePodAsync("duplicate-containers", Spec("Always",
            Container("one", "gcr.io/kuar-demo/kuard-amd64:1"),
            Container("two", "gcr.io/kuar-demo/kuard-amd64:1")));
        const string log = "/api/v1/namespaces/default/pods/duplicate-containers/log";

        var (code, status) = await _cluster.Http.SendAsync(HttpMethod.Get, log);
        Assert.Equal(400, code);
        Assert.Equal("BadRequest", (string?)status!["reason"]);
        Assert.Equal("a container name must be specified for pod duplicate-containers, choose one of: [one two]", (string?)status["message"]);

        (code, status) = await _cluster.Http.SendAsync(HttpMethod.Get, log + "?container=three");
        Assert.Equal(400, code);
        Assert.Equal("container three is not valid for pod duplicate-containers", (string?)status!["message"]);
    }

    [Theory]
    [InlineData("", "container \"pingpong\" in pod \"pingpong\" is waiting to start: ContainerCreating")]
    [InlineData("?previous=true", "previous terminated container \"pingpong\" in pod \"pingpong\" not found")]
    public async Task ContainerNotStartedYet_Is400(string query, string message)
    {
        await StartPingAsync();

        var (code, status) = await _cluster.Http.SendAsync(HttpMethod.Get, PodLog + query);
        Assert.Equal(400, code);
        Assert.Equal(message, (string?)status!["message"]);
    }

    [Theory]
    [InlineData("?sinceSeconds=5&sinceTime=2024-01-01T00:00:00Z", "PodLogOptions \"pingpong\" is invalid: sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified")]
    [InlineData("?tailLines=-1", "PodLogOptions \"pingpong\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0")]
    [InlineData("?limitBytes=0", "PodLogOptions \"pingpong\" is invalid: limitBytes: Invalid value: 0: must be greater than 0")]
    public async Task InvalidOptions_Are422(string query, string message)
    {
        await StartPingAsync();
        _cluster.Advance(5);

        var (code, status) = await _cluster.Http.SendAsync(HttpMethod.Get, PodLog + query);
        Assert.Equal(422, code);
        Assert.Equal(message, (string?)status!["message"]);
    }
}
