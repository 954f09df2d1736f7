using System.Collections.Concurrent;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Client;

public sealed class ClientTraceRoutingTests
{
    [Fact]
    public async Task Trace_EachFlowGetsTheLinesOfItsOwnRequests_OverOneSharedConnection()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        var client = FakeClusterClient.For(cluster, new KubeClientOptions { Trace = KubeTraceRouting.Write });
        var pods = new ConcurrentQueue<string>();
        var nodes = new ConcurrentQueue<string>();

        Task first, second;
        using (KubeTraceRouting.To(pods.Enqueue))
        {
            first = client.ListAllAsync<Pod>(BuiltInResources.Find("pods")!, "kube-system", null, default);
        }
        using (KubeTraceRouting.To(nodes.Enqueue))
        {
            second = client.ListAllAsync<Node>(BuiltInResources.Find("nodes")!, null, null, default);
        }
        await Task.WhenAll(first, second);
        await client.GetServerVersionAsync(default);

        Assert.Contains(pods, line => line.StartsWith("GET /api/v1/namespaces/kube-system/pods", StringComparison.Ordinal) && line.Contains("-> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(pods, line => line.Contains("/nodes", StringComparison.Ordinal));
        Assert.Contains(nodes, line => line.StartsWith("GET /api/v1/nodes", StringComparison.Ordinal));
        Assert.DoesNotContain(nodes, line => line.Contains("/pods", StringComparison.Ordinal));
        // Outside any route nothing is collected.
        Assert.DoesNotContain(pods.Concat(nodes), line => line.Contains("/version", StringComparison.Ordinal));
    }
}
