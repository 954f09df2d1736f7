using PSKube.Client.Metrics;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using PSKube.FakeCluster;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Metrics;

/// <summary>Get-KubeTop's logic: pod, container and node usage from metrics.k8s.io, typed, sorted, selected; side by side with kubectl top.</summary>
public sealed class TopTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
        await _cluster.CreatePodAsync("busy", Spec("Always", Container("busy", "alpine", command: ["sh", "-c", "while true; do :; done"])),
            new System.Text.Json.Nodes.JsonObject { ["labels"] = new System.Text.Json.Nodes.JsonObject { ["app"] = "busy" } });
        await _cluster.CreatePodAsync("idle", Spec("Always",
            Container("idle", "alpine", command: ["sh", "-c", "while true; do sleep 1; done"]),
            Container("web", "gcr.io/kuar-demo/kuard-amd64:blue")));
        _cluster.Advance(10);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Pods_AreTyped_AndSumTheirContainers()
    {
        var pods = await _client.GetPodUsageAsync("default", null, null, TopSortOrder.Name, CancellationToken.None);

        Assert.Equal(["busy", "idle"], pods.Select(p => p.Name));
        Assert.Equal((1000L, 512L * 1024, "1000m", "0Mi"), (pods[0].CpuMillicores, pods[0].MemoryBytes, pods[0].Cpu, pods[0].Memory));
        var idle = pods[1];
        Assert.Equal(["idle", "web"], idle.Containers.Select(c => c.Name));
        // Two containers of a tenth of a millicore each: summed, then rounded up once, as kubectl does.
        Assert.Equal((1L, 1L), (idle.CpuMillicores, idle.Containers[0].CpuMillicores));
        Assert.Equal(512L * 1024 + (12L * 1024 * 1024), idle.MemoryBytes);
        Assert.Equal("12Mi", idle.Memory);
        Assert.Equal(TimeSpan.FromSeconds(15), idle.Window);
    }

    [Theory]
    [InlineData(TopSortOrder.Cpu, "busy,idle")]
    [InlineData(TopSortOrder.Memory, "idle,busy")]
    [InlineData(TopSortOrder.Name, "busy,idle")]
    public async Task Pods_SortAsKubectlSortBy(TopSortOrder order, string names)
    {
        var pods = await _client.GetPodUsageAsync(null, null, null, order, CancellationToken.None);
        Assert.Equal(names, string.Join(',', pods.Select(p => p.Name)));
    }

    [Fact]
    public async Task Pods_BySelectorOrName_AndAMissingOneIsNotFound()
    {
        Assert.Equal("busy", Assert.Single(await _client.GetPodUsageAsync("default", null, "app=busy", TopSortOrder.Name, CancellationToken.None)).Name);
        Assert.Equal("idle", Assert.Single(await _client.GetPodUsageAsync("default", "idle", null, TopSortOrder.Name, CancellationToken.None)).Name);
        var missing = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetPodUsageAsync("default", "nope", null, TopSortOrder.Name, CancellationToken.None));
        Assert.True(missing.IsNotFound);
        Assert.Equal("PodMetricsNotFound", KubeErrors.ErrorId("PodMetrics", missing));
        Assert.Equal("podmetrics.metrics.k8s.io \"nope\" not found", missing.Message);
    }

    [Fact]
    public async Task Nodes_ShowTheShareOfAllocatable()
    {
        var node = Assert.Single(await _client.GetNodeUsageAsync(null, null, TopSortOrder.Name, CancellationToken.None));
        // 50m for the node's own daemons, a core for the busy loop, a tenth of a millicore for each idle program.
        Assert.Equal(("fake-node-1", 1051L, 26, "26%"), (node.Name, node.CpuMillicores, node.CpuPercent, node.CpuPercentText));
        Assert.Equal(600L * 1024 * 1024 + (2 * 512 * 1024) + (12L * 1024 * 1024), node.MemoryBytes);
        Assert.Equal("613Mi", node.Memory);
        Assert.Equal(3, node.MemoryPercent);
        Assert.Equal("fake-node-1", Assert.Single(await _client.GetNodeUsageAsync("fake-node-1", null, TopSortOrder.Name, CancellationToken.None)).Name);
    }

    [Fact]
    public async Task WithoutMetricsServer_TheMetricsApiIsNotAvailable()
    {
        await using var bare = await FakeClusterServer.StartAsync(new FakeClusterOptions { ServeMetrics = false, SimulateKubelet = false });
        var client = FakeClusterClient.For(bare);
        await Assert.ThrowsAsync<KubeMetricsUnavailableException>(() => client.GetPodUsageAsync("default", null, null, TopSortOrder.Name, CancellationToken.None));
        await Assert.ThrowsAsync<KubeMetricsUnavailableException>(() => client.GetNodeUsageAsync(null, null, TopSortOrder.Name, CancellationToken.None));
    }

    [Theory]
    [InlineData("3818131n", 4, 1)]
    [InlineData("250m", 250, 1)]
    [InlineData("2", 2000, 2)]
    [InlineData("18316Ki", 18_755_584_000, 18_755_584)]
    [InlineData("1.5Gi", 1_610_612_736_000, 1_610_612_736)]
    [InlineData("129e6", 129_000_000_000, 129_000_000)]
    public void Quantity_IsReadAsKubectlRoundsIt(string text, long millis, long units)
    {
        Assert.Equal(millis, UsageQuantity.Millis(text));
        Assert.Equal(units, UsageQuantity.Units(text));
    }
}

/// <summary>kubectl top and the client on the same cluster: the same rows.</summary>
public sealed class TopKubectlTests
{
    [KubectlFact]
    public async Task KubectlTop_AndTheClient_ShowTheSameRows()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 20);
        (await kubectl.RunAsync("run", "busy", "--image=alpine", "--", "sh", "-c", "while true; do :; done")).Succeeded();
        (await kubectl.RunAsync("run", "web", "--image=gcr.io/kuar-demo/kuard-amd64:blue")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/busy", "pod/web", "--timeout=60s")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);

        var pods = await client.GetPodUsageAsync("default", null, null, TopSortOrder.Memory, CancellationToken.None);
        Assert.Equal(["NAME CPU(cores) MEMORY(bytes)", .. pods.Select(p => $"{p.Name} {p.Cpu} {p.Memory}")],
            (await kubectl.RunAsync("top", "pods", "--sort-by=memory")).Succeeded().Lines);

        var containers = (await client.GetPodUsageAsync(null, null, null, TopSortOrder.Cpu, CancellationToken.None)).SelectMany(p => p.Containers);
        Assert.Equal(["NAMESPACE POD NAME CPU(cores) MEMORY(bytes)", .. containers.Select(c => $"{c.Namespace} {c.Pod} {c.Name} {c.Cpu} {c.Memory}")],
            (await kubectl.RunAsync("top", "pods", "-A", "--containers", "--sort-by=cpu")).Succeeded().Lines);

        var nodes = await client.GetNodeUsageAsync(null, null, TopSortOrder.Name, CancellationToken.None);
        Assert.Equal(["NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)", .. nodes.Select(n => $"{n.Name} {n.Cpu} {n.CpuPercentText} {n.Memory} {n.MemoryPercentText}")],
            (await kubectl.RunAsync("top", "nodes")).Succeeded().Lines);
    }
}
