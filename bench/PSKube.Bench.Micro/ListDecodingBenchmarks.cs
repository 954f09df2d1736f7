using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PSKube.Client.Models;
using PSKube.Client.Transport;

namespace PSKube.Bench.Micro;

/// <summary>Decoding a pod list response into Pod objects as Get-KubePod reads it (JsonListReader), against parsing the same bytes without building objects.</summary>
[MemoryDiagnoser]
public class ListDecodingBenchmarks
{
    private byte[] _list = [];

    [Params(500, 5000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup() => _list = PodListData.Create(Pods);

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (no objects)")]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_list);
        return document.RootElement.GetProperty("items").GetArrayLength();
    }

    [Benchmark(Description = "JsonListReader<Pod>")]
    public async Task<int> ReadPods()
    {
        var count = 0;
        var reader = new JsonListReader<Pod>(new MemoryStream(_list, writable: false), KubeJson.TypeInfo<Pod>());
        await foreach (var _ in reader.ReadItemsAsync(CancellationToken.None))
        {
            count++;
        }
        return count;
    }
}
