using System.Text.Json.Nodes;
using PSKube.Client.Tests.FakeClusterTests;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>sh -c scripts as containers' main processes, on the kubelet's clock: logs, exit codes, restarts, Jobs, usage.</summary>
public sealed class KubeletShellTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Job_OfShEchoDone_Completes_WithDoneInItsLog()
    {
        var job = new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = new JsonObject { ["name"] = "once" },
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject { ["spec"] = Spec("Never", Container("once", "busybox", command: ["sh", "-c", "echo done"])) },
            },
        };
        var (code, body) = await _cluster.Http.SendAsync(HttpMethod.Post, "/apis/batch/v1/namespaces/default/jobs", job);
        Assert.True(code == 201, body?.ToJsonString());
        for (var i = 0; i < 5; i++)
        {
            _cluster.Advance(5);
        }

        var (_, stored) = await _cluster.Http.SendAsync(HttpMethod.Get, "/apis/batch/v1/namespaces/default/jobs/once");
        var conditions = stored!["status"]!["conditions"]!.AsArray().Select(c => (string?)c!["type"]);
        Assert.Contains("Complete", conditions);
        Assert.Equal(1, (int)stored["status"]!["succeeded"]!);
        var (_, pods) = await _cluster.Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=job-name%3Donce");
        var pod = (string)pods!["items"]![0]!["metadata"]!["name"]!;
        Assert.Equal("done\n", await _cluster.Http.GetStringAsync($"/api/v1/namespaces/default/pods/{pod}/log"));
    }

    [Theory]
    [InlineData("Never", "echo trying; exit 4", "Failed", 0, "Error", 4)]
    [InlineData("OnFailure", "sleep 2; false", "Running", 1, "Error", 1)]
    [InlineData("Never", "i=0; while [ $i -lt 3 ]; do i=$((i+1)); sleep 1; done; exit $i", "Failed", 0, "Error", 3)]
    public async Task ScriptExit_DecidesTheContainerStateAndRestarts(string policy, string script, string phase, int restarts, string reason, int exitCode)
    {
        await _cluster.CreatePodAsync("job", Spec(policy, Container("job", "alpine", command: ["sh", "-c", script])));
        _cluster.Advance(8);

        var status = _cluster.ContainerStatus("job", "job");
        Assert.Equal(phase, (string?)_cluster.Pod("job")!["status"]!["phase"]);
        Assert.Equal(restarts, (int)status["restartCount"]!);
        var terminated = (restarts == 0 ? status["state"] : status["lastState"])!["terminated"]!;
        Assert.Equal((reason, exitCode), ((string?)terminated["reason"], (int)terminated["exitCode"]!));
    }

    [Fact]
    public async Task Log_LinesAreStampedWithTheTimeTheScriptPrintedThem()
    {
        await _cluster.CreatePodAsync("ticker", Spec("Always", Container("ticker", "alpine", command: ["sh", "-c", "while true; do echo tick; sleep 2; done"])));
        _cluster.Advance(7);

        var log = await _cluster.Http.GetStringAsync("/api/v1/namespaces/default/pods/ticker/log?timestamps=true");
        var stamps = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => DateTimeOffset.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(stamps.Count >= 2, log);
        Assert.Equal(TimeSpan.FromSeconds(2), stamps[1] - stamps[0]);
        Assert.All(log.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith(" tick", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Usage_ABusyLoopUsesACore_ASleeperAlmostNothing()
    {
        await _cluster.CreatePodAsync("busy", Spec("Always", Container("busy", "alpine", command: ["sh", "-c", "while true; do :; done"])));
        await _cluster.CreatePodAsync("idle", Spec("Always", Container("idle", "alpine", command: ["sh", "-c", "while true; do sleep 1; done"])));
        _cluster.Advance(5);

        var (_, list) = await _cluster.Http.SendAsync(HttpMethod.Get, "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods");
        var usage = list!["items"]!.AsArray().ToDictionary(i => (string)i!["metadata"]!["name"]!, i => (string?)i!["containers"]![0]!["usage"]!["cpu"]);
        Assert.Equal("1000000000n", usage["busy"]);
        Assert.Equal("100000n", usage["idle"]);
        var (_, node) = await _cluster.Http.SendAsync(HttpMethod.Get, "/apis/metrics.k8s.io/v1beta1/nodes/fake-node-1");
        Assert.Equal("NodeMetrics", (string?)node!["kind"]);
        Assert.Equal("1050100000n", (string?)node["usage"]!["cpu"]);
    }
}
