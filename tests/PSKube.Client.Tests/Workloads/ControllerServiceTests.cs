using System.Net;
using System.Text.Json.Nodes;
using PSKube.Client.Tests.FakeClusterTests;

namespace PSKube.Client.Tests.Workloads;

/// <summary>Services: cluster IPs and node ports allocated at create; Endpoints kept from the selected pods.</summary>
public sealed class ControllerServiceTests
{
    private const string Services = "/api/v1/namespaces/default/services";

    private static string Service(string name, string type = "ClusterIP", string extra = "") => """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"NAME","labels":{"app":"web"}},
         "spec":{EXTRA"type":"TYPE","selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"web"},{"name":"metrics","port":9090}]}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("TYPE", type, StringComparison.Ordinal).Replace("EXTRA", extra, StringComparison.Ordinal);

    private static string WebPod(string name) => """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"NAME","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"web","image":"nginx","ports":[{"name":"web","containerPort":8080}]}]}}
        """.Replace("NAME", name, StringComparison.Ordinal);

    private static bool InServiceRange(string? ip)
    {
        var bytes = IPAddress.Parse(ip!).GetAddressBytes();
        return bytes[0] == 10 && bytes[1] >= 96 && bytes[1] <= 111;
    }

    [Theory]
    [InlineData("ClusterIP", false)]
    [InlineData("NodePort", true)]
    [InlineData("LoadBalancer", true)]
    public async Task Create_AllocatesAClusterIp_AndNodePortsWhenTheTypeNeedsThem(string type, bool nodePorts)
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var service = await cluster.CreateAsync(Services, Service("web", type));
        var spec = service["spec"]!;
        Assert.True(InServiceRange((string?)spec["clusterIP"]), (string?)spec["clusterIP"]);
        Assert.Equal((string?)spec["clusterIP"], (string?)spec["clusterIPs"]![0]);
        foreach (var port in spec["ports"]!.AsArray())
        {
            if (nodePorts)
            {
                Assert.InRange((long)port!["nodePort"]!, 30000, 32767);
            }
            else
            {
                Assert.Null(port!["nodePort"]);
            }
        }
    }

    [Fact]
    public async Task Create_RejectsATakenClusterIpOrNodePort_AndKeepsHeadlessServicesHeadless()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var (code, body) = await cluster.Http.SendAsync(HttpMethod.Post, Services, JsonNode.Parse(Service("clash", extra: "\"clusterIP\":\"10.96.0.1\",")));
        Assert.Equal(422, code);
        Assert.Contains("provided IP is already allocated", (string?)body!["message"], StringComparison.Ordinal);

        var first = await cluster.CreateAsync(Services, Service("first", "NodePort"));
        var taken = (long)first["spec"]!["ports"]![0]!["nodePort"]!;
        var clash = JsonNode.Parse(Service("second", "NodePort"))!;
        clash["spec"]!["ports"]![0]!["nodePort"] = taken;
        (code, body) = await cluster.Http.SendAsync(HttpMethod.Post, Services, clash);
        Assert.Equal(422, code);
        Assert.Contains($"spec.ports[0].nodePort: Invalid value: {taken}: provided port is already allocated", (string?)body!["message"], StringComparison.Ordinal);

        var headless = await cluster.CreateAsync(Services, Service("headless", extra: "\"clusterIP\":\"None\","));
        Assert.Equal("None", (string?)headless["spec"]!["clusterIP"]);
    }

    [Fact]
    public async Task Endpoints_ListReadyAndNotReadyPods_WithResolvedPorts()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Services, Service("web"));
        var ready = await cluster.CreateAsync("/api/v1/namespaces/default/pods", WebPod("web-ready"));
        await cluster.CreateAsync("/api/v1/namespaces/default/pods", WebPod("web-starting"));
        await cluster.CreateAsync("/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("other", new() { ["app"] = "other" }).ToJsonString());
        await cluster.WaitUntilAsync(() => cluster.Get("endpoints", "web") is not null, "the Endpoints object");
        Assert.Null(cluster.Get("endpoints", "web")!["subsets"]);

        cluster.MarkReady(cluster.Get("pods", "web-ready")!);
        cluster.MarkRunning(cluster.Get("pods", "web-starting")!);
        cluster.MarkReady(cluster.Get("pods", "other")!);
        await cluster.WaitUntilAsync(() => cluster.Get("endpoints", "web")!["subsets"] is JsonArray { Count: 1 } subsets &&
                                           subsets[0]!["addresses"] is not null && subsets[0]!["notReadyAddresses"] is not null, "both addresses");

        var endpoints = cluster.Get("endpoints", "web")!;
        Assert.Equal("web", (string?)endpoints["metadata"]!["labels"]!["app"]);
        var subset = endpoints["subsets"]![0]!;
        var address = Assert.Single(subset["addresses"]!.AsArray())!;
        Assert.Equal((string?)cluster.Get("pods", "web-ready")!["status"]!["podIP"], (string?)address["ip"]);
        Assert.Equal("fake-node-1", (string?)address["nodeName"]);
        Assert.Equal("Pod", (string?)address["targetRef"]!["kind"]);
        Assert.Equal("web-ready", (string?)address["targetRef"]!["name"]);
        Assert.Equal((string?)ready["metadata"]!["uid"], (string?)address["targetRef"]!["uid"]);
        Assert.Equal("web-starting", (string?)Assert.Single(subset["notReadyAddresses"]!.AsArray())!["targetRef"]!["name"]);
        var ports = subset["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (long)p!["port"]!);
        Assert.Equal(8080, ports["http"]);
        Assert.Equal(9090, ports["metrics"]);

        Assert.Equal(200, (await cluster.DeleteAsync($"{Services}/web")).Code);
        await cluster.WaitUntilAsync(() => cluster.Get("endpoints", "web") is null, "the Endpoints to go with the Service");
    }
}
