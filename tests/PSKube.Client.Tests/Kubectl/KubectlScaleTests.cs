using System.Diagnostics;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.FakeClusterTests;
using Xunit.Abstractions;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>kubectl against a fake cluster holding thousands of pods: every object once, and fast.</summary>
public sealed class KubectlScaleTests(ITestOutputHelper output)
{
    [KubectlFact]
    public async Task GetPodsAllNamespaces_InChunksOf100_ListsEveryPodOnce()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        ScalePods.Seed(kubectl.Cluster, 1000, 10);
        var rows = (await kubectl.RunAsync("get", "pods", "-A", "--chunk-size=100", "--no-headers")).Succeeded().Lines;
        var pods = rows.Select(row => string.Join('/', row.Split(' ').Take(2))).ToList();
        Assert.Equal(1000, pods.Count);
        Assert.Equal(1000, pods.Distinct().Count());
        Assert.All(rows, row => Assert.Contains(" 1/1 Running 0 ", row, StringComparison.Ordinal));
    }

    /// <summary>
    /// kubectl get pods -A of 5,000 pods (pages of 500, each a server-side Table) and PSKube's client listing them,
    /// side by side. The target is 1 s; the bound is generous for a loaded machine (it was 11 s and more before paging read snapshots), and the output has the medians.
    /// </summary>
    [KubectlFact]
    public async Task GetPodsAllNamespaces_Of5000Pods_IsFast()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        ScalePods.Seed(kubectl.Cluster, 5000, 50);
        (await kubectl.RunAsync("get", "namespaces")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);
        var pods = BuiltInResources.Find("pods")!;
        var kubectlTimes = new List<double>();
        var clientTimes = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var timer = Stopwatch.StartNew();
            var result = (await kubectl.RunAsync("get", "pods", "-A")).Succeeded();
            kubectlTimes.Add(timer.Elapsed.TotalSeconds);
            Assert.Equal(5001, result.Lines.Count);

            timer.Restart();
            var listed = 0;
            await foreach (var _ in client.ListAsync<Pod>(pods, null))
            {
                listed++;
            }
            clientTimes.Add(timer.Elapsed.TotalSeconds);
            Assert.Equal(5000, listed);
        }
        var kubectlMedian = Median(kubectlTimes);
        output.WriteLine($"kubectl get pods -A, 5000 pods: median {kubectlMedian:F3} s (min {kubectlTimes.Min():F3}, max {kubectlTimes.Max():F3})");
        output.WriteLine($"PSKube client list of 5000 pods: median {Median(clientTimes):F3} s (min {clientTimes.Min():F3}, max {clientTimes.Max():F3})");
        Assert.True(kubectlMedian < 10, $"kubectl get pods -A took {kubectlMedian:F3} s (median of 5)");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
