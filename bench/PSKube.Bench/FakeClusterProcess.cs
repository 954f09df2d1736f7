using System.Diagnostics;
using System.Globalization;

namespace PSKube.Bench;

/// <summary>
/// A fake cluster process of its own for one scenario (tests/FakeCluster), with its kubeconfig in a temporary
/// folder; disposing it closes its standard input, which stops it, and deletes the folder.
/// </summary>
public sealed class FakeClusterProcess : IDisposable
{
    private readonly Process _process;

    private FakeClusterProcess(Process process, string folder, string kubeconfig, Uri server)
    {
        _process = process;
        Folder = folder;
        KubeconfigPath = kubeconfig;
        Server = server;
    }

    public string Folder { get; }

    public string KubeconfigPath { get; }

    public Uri Server { get; }

    /// <summary>The CPU time the fake cluster has used so far (user + system), to tell its share of a run apart.</summary>
    public double CpuMs()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalMilliseconds;
    }

    public static async Task<FakeClusterProcess> StartAsync(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pskube-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var kubeconfig = Path.Combine(folder, "config");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { options.FakeClusterPath, "--kubeconfig", kubeconfig, "--time-scale", options.TimeScale.ToString(CultureInfo.InvariantCulture) }.Concat(NodeArguments(options)).Concat(options.FakeArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the fake cluster");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        if (ready is null || !ready.StartsWith("ready https://", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"the fake cluster did not start: {ready}");
        }
        // Anything it writes later is drained so it never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return new FakeClusterProcess(process, folder, kubeconfig, new Uri(ready["ready ".Length..]));
    }

    /// <summary>
    /// Nodes enough for the largest scenario (a node holds 110 pods; 100 each leaves room), as a cluster is sized for
    /// its workload, unless --fake-arg names --nodes itself.
    /// </summary>
    private static string[] NodeArguments(BenchOptions options)
    {
        if (options.FakeArguments.Contains("--nodes"))
        {
            return [];
        }
        var pods = new[] { options.ListPods, options.LogPods, options.WatchPods, options.DefaultPods }.Max();
        return ["--nodes", Math.Min(256, pods / 100 + 1).ToString(CultureInfo.InvariantCulture)];
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            _process.Kill();
        }
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
