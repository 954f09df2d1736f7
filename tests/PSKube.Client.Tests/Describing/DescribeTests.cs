using System.Text.Json.Nodes;
using PSKube.Client.Describing;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Describing;

/// <summary>Get-KubeDescription's logic: typed sections, events oldest first, and many objects described with one list per related kind.</summary>
public sealed class DescribeTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Nodes = BuiltInResources.Find("nodes")!;
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;
    private static readonly ResourceDefinition LimitRanges = BuiltInResources.Find("limitranges")!;
    private readonly List<string> _trace = [];
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server, new KubeClientOptions { Trace = line => { lock (_trace) { _trace.Add(line); } } });
        foreach (var name in new[] { "a", "b", "c" })
        {
            var web = Container("web", "gcr.io/kuar-demo/kuard-amd64:blue");
            web["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" }, ["limits"] = new JsonObject { ["memory"] = "128Mi" } };
            await _cluster.CreatePodAsync(name, Spec("Always", web), new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } });
        }
        _cluster.Advance(10);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IReadOnlyList<string> Requests()
    {
        lock (_trace)
        {
            return _trace.ToList();
        }
    }

    [Fact]
    public async Task ManyPods_OneListOfEvents_EachPodGetsItsOwn_OldestFirst()
    {
        var pods = (await _client.ListAllAsync<Pod>(Pods, "default", new ListOptions(), default)).Items;
        _trace.Clear();

        var descriptions = (await Describer.DescribeAsync(_client, pods, default)).Cast<PodDescription>().ToList();

        Assert.Equal(["a", "b", "c"], descriptions.Select(d => d.Name));
        Assert.Single(Requests(), line => line.Contains("/events", StringComparison.Ordinal));
        Assert.DoesNotContain(Requests(), line => line.Contains("/pods", StringComparison.Ordinal));
        Assert.All(descriptions, d =>
        {
            // The first pod pulls the image; the others find it present.
            Assert.Equal(d.Name == "a" ? ["Scheduled", "Pulling", "Pulled", "Created", "Started"] : ["Scheduled", "Pulled", "Created", "Started"],
                d.Events.Select(e => e.Reason));
            Assert.All(d.Events, e => Assert.Equal(d.Name, e.InvolvedObject?.Name));
            var web = Assert.Single(d.Containers);
            Assert.Equal(("Running", true, 0), (web.State, web.Ready, web.RestartCount));
            Assert.Equal(new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "64Mi" }, web.Requests);
            Assert.Contains(d.Conditions, c => c.Type == "Ready" && c.Status == "True");
            Assert.Null(d.ControlledBy);
        });
    }

    [Fact]
    public async Task Events_AreOldestFirst_InTheTextToo()
    {
        var pod = await _client.GetAsync<Pod>(Pods, "default", "a", default);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        // Recorded out of order: the later one first.
        foreach (var (name, minutes, reason) in new[] { ("late", 20, "Late"), ("early", 5, "Early") })
        {
            await _client.CreateAsync(Events, KubeJson.Deserialize<Event>($$"""
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"a.{{name}}","namespace":"default"},
                 "involvedObject":{"kind":"Pod","name":"a","namespace":"default","uid":"{{pod.Metadata!.Uid}}"},
                 "reason":"{{reason}}","message":"{{name}}","type":"Warning","count":1,"source":{"component":"test"},
                 "firstTimestamp":"{{start.AddMinutes(minutes):yyyy-MM-ddTHH:mm:ssZ}}","lastTimestamp":"{{start.AddMinutes(minutes):yyyy-MM-ddTHH:mm:ssZ}}"}
                """)!, null, default);
        }

        var description = Assert.IsType<PodDescription>(Assert.Single(await Describer.DescribeAsync(_client, [pod], default, start.AddMinutes(30))));

        Assert.Equal(["Early", "Late"], description.Events.Take(2).Select(e => e.Reason));
        var text = description.Text;
        Assert.True(text.IndexOf("Warning  Early", StringComparison.Ordinal) < text.IndexOf("Warning  Late", StringComparison.Ordinal), text);
        Assert.Contains("  Warning  Early      25m", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_CountsTheRequestsOfItsPods()
    {
        var node = await _client.GetAsync<Node>(Nodes, null, "fake-node-1", default);

        var description = Assert.IsType<NodeDescription>(Assert.Single(await Describer.DescribeAsync(_client, [node], default)));

        Assert.Equal(["a", "b", "c"], description.Pods.Select(p => p.Name));
        Assert.Equal("100m (2%)", description.Pods[0].CpuRequests.ToString());
        var cpu = description.AllocatedResources.Single(r => r.Resource == "cpu");
        var memory = description.AllocatedResources.Single(r => r.Resource == "memory");
        Assert.Equal(("300m", 7L, "0", 0L), (cpu.Requests.Amount, cpu.Requests.Percent, cpu.Limits.Amount, cpu.Limits.Percent));
        Assert.Equal(("192Mi", "384Mi"), (memory.Requests.Amount, memory.Limits.Amount));
        Assert.Contains("Non-terminated Pods:          (3 in total)", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespaces_ListTheirLimitRanges_WithOneListForAll()
    {
        foreach (var name in new[] { "left", "right" })
        {
            await _client.CreateAsync(Namespaces, new Namespace { Metadata = new ObjectMeta { Name = name } }, null, default);
        }
        await CreateLimitRangeAsync("left", "b-pods", """[{"type": "Pod", "max": {"memory": "2Gi"}}]""");
        // Quantities as typed (1000m, 0.5) are shown canonical, as kubectl shows them.
        await CreateLimitRangeAsync("left", "a-containers", """
            [{"type": "Container", "min": {"cpu": "100m"}, "max": {"memory": "1Gi", "cpu": "1000m"}, "default": {"cpu": "0.5"},
              "defaultRequest": {"cpu": "200m"}, "maxLimitRequestRatio": {"cpu": "4"}}]
            """);
        var namespaces = new List<Namespace>();
        foreach (var name in new[] { "left", "right", "default" })
        {
            namespaces.Add(await _client.GetAsync<Namespace>(Namespaces, null, name, default));
        }
        _trace.Clear();

        var descriptions = (await Describer.DescribeAsync(_client, namespaces, default)).Cast<NamespaceDescription>().ToList();

        Assert.Single(Requests(), line => line.Contains("/limitranges", StringComparison.Ordinal));
        var left = descriptions[0];
        Assert.Equal(["a-containers", "b-pods"], left.LimitRanges.Select(l => l.Name));
        Assert.Equal(
            [
                new DescribedLimit("a-containers", "Container", "cpu", "100m", "1", "200m", "500m", "4"),
                // The API server makes the max the default limit, and that the default request.
                new DescribedLimit("a-containers", "Container", "memory", null, "1Gi", "1Gi", "1Gi", null),
                new DescribedLimit("b-pods", "Pod", "memory", null, "2Gi", null, null, null),
            ],
            left.ResourceLimits);
        Assert.EndsWith("""

            Resource Limits
             Type       Resource  Min   Max  Default Request  Default Limit  Max Limit/Request Ratio
             ----       --------  ---   ---  ---------------  -------------  -----------------------
             Container  cpu       100m  1    200m             500m           4
             Container  memory    -     1Gi  1Gi              1Gi            -
             Pod        memory    -     2Gi  -                -              -

            """.ReplaceLineEndings("\n"), left.Text, StringComparison.Ordinal);
        Assert.All(descriptions[1..], d =>
        {
            Assert.Empty(d.LimitRanges);
            Assert.EndsWith("No resource quota.\n\nNo LimitRange resource.\n", d.Text, StringComparison.Ordinal);
        });
    }

    private async Task CreateLimitRangeAsync(string @namespace, string name, string limits) =>
        await _client.CreateAsync(LimitRanges, KubeJson.Deserialize<LimitRange>($$"""
            {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "{{name}}", "namespace": "{{@namespace}}"}, "spec": {"limits": {{limits}} } }
            """)!, null, default);

    [Fact]
    public async Task ObjectsOfAKindItDoesNotDescribe_AreRefused()
    {
        var configMap = KubeJson.Deserialize<ConfigMap>("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"default"}}""")!;
        Assert.False(Describer.CanDescribe(BuiltInResources.Find("configmaps")!));
        await Assert.ThrowsAsync<ArgumentException>(() => Describer.DescribeAsync(_client, [configMap], default));
    }

    [Theory]
    // The last cell of a line (no tab after it) never widens its column; a line without tabs ends the block.
    [InlineData("a:\tx\nlonger:\ty\n", "a:       x\nlonger:  y\n")]
    [InlineData("a:\tx\nno tabs here at all\nlonger:\ty\n", "a:  x\nno tabs here at all\nlonger:  y\n")]
    [InlineData("  T\tS\n  Ready \tTrue \nVolumes:\t<none>\n", "  T       S\n  Ready   True \nVolumes:  <none>\n")]
    [InlineData("a\tb\tc\nlong\t\tc\n", "a     b  c\nlong     c\n")]
    public void TabAlignment_AlignsAsKubectlsTabwriter(string text, string aligned) =>
        Assert.Equal(aligned, TabAlignment.Align(text));
}
