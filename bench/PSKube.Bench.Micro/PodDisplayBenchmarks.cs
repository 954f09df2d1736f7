using BenchmarkDotNet.Attributes;
using PSKube.Client.Models;

namespace PSKube.Bench.Micro;

/// <summary>
/// The computed columns of the pod table (STATUS, READY, RESTARTS, AGE) over 5,000 decoded pods: what Format-Table
/// and Where-Object Status -eq Running read from every pod.
/// </summary>
[MemoryDiagnoser]
public class PodDisplayBenchmarks
{
    private List<Pod> _pods = [];

    [Params(5000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup() => _pods = KubeJson.Deserialize<KubeList<Pod>>(PodListData.Create(Pods))!.Items!;

    [Benchmark]
    public int Status()
    {
        var running = 0;
        foreach (var pod in _pods)
        {
            running += pod.Status == "Running" ? 1 : 0;
        }
        return running;
    }

    [Benchmark]
    public int Ready()
    {
        var ready = 0;
        foreach (var pod in _pods)
        {
            ready += pod.Ready ? 1 : 0;
            ready += pod.ReadyContainers.Length;
        }
        return ready;
    }

    [Benchmark]
    public int Restarts()
    {
        var restarts = 0;
        foreach (var pod in _pods)
        {
            restarts += pod.Restarts + pod.RestartsText.Length;
        }
        return restarts;
    }

    [Benchmark]
    public int Age()
    {
        var length = 0;
        foreach (var pod in _pods)
        {
            length += pod.Age?.ToString().Length ?? 0;
        }
        return length;
    }

    [Benchmark(Description = "Status+Ready+Restarts+Age (a table row)")]
    public int Row()
    {
        var length = 0;
        foreach (var pod in _pods)
        {
            length += pod.Status.Length + pod.ReadyContainers.Length + pod.RestartsText.Length + (pod.Age?.ToString().Length ?? 0);
        }
        return length;
    }
}
