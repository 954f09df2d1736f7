using System.Diagnostics;
using PSKube.Client.Operations;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using PSKube.Client.Waiting;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Faults;

/// <summary>Timeouts are bounds whatever the network does: connect and TLS handshake, single requests, and waits.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class TimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    // The wait's deadline and this stopwatch are different clocks: the end may come a few milliseconds "early".
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(100);
    private KubeletCluster _cluster = null!;
    private FaultProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _proxy = FaultProxy.Start(_cluster.Server.Server);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private KubeClient ThroughProxy(KubeClientOptions? options = null) =>
        FakeClusterClient.For(_cluster.Server, options, new ClusterEndpoint(_proxy.Server, FakeClusterClient.CaPem(_cluster.Server)));

    private static Task ListPodsAsync(KubeClient client) =>
        client.ListAllAsync<PSKube.Client.Models.Pod>(PSKube.Client.Resources.BuiltInResources.Find("pods")!, "default", null, CancellationToken.None);

    private static async Task<(T Error, TimeSpan Took)> FailureOf<T>(Func<Task> call)
        where T : Exception
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<T>(call);
        return (error, clock.Elapsed);
    }

    [Fact]
    public void Timeouts_Defaults_AreKubectls()
    {
        var options = new KubeClientOptions();
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RequestTimeout);
    }

    [Fact]
    public async Task Timeouts_ServerAcceptsAndNeverAnswers_IsATlsHandshakeTimeout_AfterTheConnectTimeout()
    {
        _proxy.Stall();
        var client = ThroughProxy(new KubeClientOptions { ConnectTimeout = TimeSpan.FromSeconds(2) });

        var (error, took) = await FailureOf<KubeApiUnreachableException>(() => ListPodsAsync(client));

        Assert.Equal(KubeUnreachableReason.TlsHandshakeTimeout, error.Reason);
        Assert.StartsWith($"Unable to connect to the server https://127.0.0.1:{_proxy.Port}: TLS handshake timeout", error.Message, StringComparison.Ordinal);
        Assert.InRange(took, TimeSpan.FromSeconds(2) - TimerResolution, TimeSpan.FromSeconds(2) + Slack);
        Assert.Equal(KubeErrorKind.Unreachable, KubeErrors.Classify(error));
    }

    [Fact]
    public async Task Timeouts_ProxyRefuses_IsRefusedAtOnce()
    {
        _proxy.Refuse();
        var (error, took) = await FailureOf<KubeApiUnreachableException>(() => ListPodsAsync(ThroughProxy()));

        Assert.Equal(KubeUnreachableReason.Refused, error.Reason);
        Assert.True(took < Slack, $"took {took}");
    }

    [Fact]
    public async Task Timeouts_AConnectionThatStallsAfterTls_EndsAtTheRequestTimeout_AsATypedTimeout()
    {
        var client = ThroughProxy(new KubeClientOptions { RequestTimeout = TimeSpan.FromSeconds(1) });
        await ListPodsAsync(client);
        _proxy.Stall();

        var (error, took) = await FailureOf<KubeRequestTimeoutException>(() => ListPodsAsync(client));

        Assert.Equal($"GET /api/v1/namespaces/default/pods: the server https://127.0.0.1:{_proxy.Port} did not answer within 1 s - is it overloaded? To wait longer, set $PSKUBE_REQUEST_TIMEOUT (such as 2m; 0 waits for ever).", error.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1) + Slack);
        Assert.Equal(KubeErrorKind.Timeout, KubeErrors.Classify(error));
    }

    [Fact]
    public async Task Timeouts_TheOverride_IsAskedAtEachRequest()
    {
        var setting = (TimeSpan?)null;
        var client = ThroughProxy(new KubeClientOptions { RequestTimeout = TimeSpan.FromMinutes(5), RequestTimeoutOverride = () => setting });
        await ListPodsAsync(client);
        _proxy.Stall();
        setting = TimeSpan.FromMilliseconds(500);

        var (error, took) = await FailureOf<KubeRequestTimeoutException>(() => ListPodsAsync(client));

        Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        Assert.True(took < TimeSpan.FromMilliseconds(500) + Slack, $"took {took}");
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("45", 45)]
    public void Timeouts_RequestTimeoutSetting_TakesKubectlDurations(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), KubeRequestTimeout.Parse(text));

    [Fact]
    public void Timeouts_RequestTimeoutSetting_ZeroIsNone_AndNonsenseIsNamed()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, KubeRequestTimeout.Parse("0"));
        var error = Assert.Throws<FormatException>(() => KubeRequestTimeout.Parse("soon"));
        Assert.StartsWith("The request timeout PSKUBE_REQUEST_TIMEOUT is not valid: \"soon\" is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Timeouts_WaitForAPod_OnAStalledConnection_EndsWithinASecondOfItsTimeout(bool connectedBefore)
    {
        await _cluster.CreatePodAsync("never-ready", Spec("Always", Container("app", "registry.invalid/none:1")));
        var client = ThroughProxy();
        if (connectedBefore)
        {
            await ListPodsAsync(client);
        }
        _proxy.Stall();

        var clock = Stopwatch.StartNew();
        var result = await PodConditions.WaitAsync(client, "default", "never-ready", PodWaitCondition.Ready, TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Equal(WaitOutcome.TimedOut, result.Outcome);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3) - TimerResolution, TimeSpan.FromSeconds(3) + Slack);
    }

    [Fact]
    public async Task Timeouts_WaitForDeletion_StallingMidWait_EndsWithinASecondOfItsTimeout()
    {
        await _cluster.CreatePodAsync("stays", Spec("Always", Container("app", "registry.invalid/none:1")));
        var client = ThroughProxy();
        var clock = Stopwatch.StartNew();
        var waiting = PodConditions.WaitAsync(client, "default", "stays", PodWaitCondition.Deleted, TimeSpan.FromSeconds(3), CancellationToken.None);
        await Task.Delay(500);
        _proxy.Stall();

        var result = await waiting;

        Assert.Equal(WaitOutcome.TimedOut, result.Outcome);
        Assert.Equal("stays", result.Object?.Name);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3) - TimerResolution, TimeSpan.FromSeconds(3) + Slack);
    }
}
