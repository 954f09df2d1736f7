using System.Diagnostics;
using System.Text;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>What one kubectl run printed and how it ended.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"kubectl failed with exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        return this;
    }

    /// <summary>The non-empty lines of stdout with runs of spaces folded, for comparing kubectl's tables.</summary>
    public IReadOnlyList<string> Lines =>
        Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
}

/// <summary>
/// Runs the real kubectl against one fake cluster, with its own kubeconfig and discovery cache folder so tests
/// never share state through ~/.kube.
/// </summary>
public sealed class KubectlRunner : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<Process> _started = [];

    private KubectlRunner(FakeClusterServer cluster, string folder)
    {
        Cluster = cluster;
        _folder = folder;
        KubeconfigPath = Path.Combine(folder, "kubeconfig");
    }

    public static bool Required => Environment.GetEnvironmentVariable("PSKUBE_REQUIRE_KUBECTL") == "1";

    public static string? ExecutablePath { get; } = FindOnPath("kubectl");

    public FakeClusterServer Cluster { get; }

    public string KubeconfigPath { get; }

    /// <summary>
    /// Starts a fresh fake cluster (clock sped up <paramref name="timeScale"/> times; without the simulated kubelet
    /// when the test plays it; its randomness seeded when the test needs a known outcome; HTTP/1.1 only when
    /// <paramref name="http2"/> is off; with several nodes when the test schedules across them) and a kubectl pointed at it.
    /// </summary>
    public static async Task<KubectlRunner> StartAsync(double timeScale = 1, bool simulateKubelet = true, int? randomSeed = null, bool serveMetrics = true, bool http2 = true, int nodes = 1)
    {
        if (ExecutablePath is null)
        {
            throw new InvalidOperationException("kubectl is required (PSKUBE_REQUIRE_KUBECTL=1) but is not on PATH.");
        }
        var folder = Directory.CreateTempSubdirectory("pskube-kubectl-").FullName;
        var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = timeScale, SimulateKubelet = simulateKubelet, RandomSeed = randomSeed, ServeMetrics = serveMetrics, Http2 = http2, Nodes = nodes, KubeconfigPath = Path.Combine(folder, "kubeconfig") });
        return new KubectlRunner(cluster, folder);
    }

    /// <summary>Writes a file into this run's folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync(arguments, stdin: null);

    public async Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? stdin, TimeSpan? timeout = null)
    {
        using var process = Start(arguments, redirectStdin: stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish in time.\nstdout so far:\n{await stdout}\nstderr:\n{await stderr}");
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl and leaves it running (for -w and -f): read its output, then kill it.</summary>
    public Process Start(IEnumerable<string> arguments, bool redirectStdin = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(ExecutablePath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(KubeconfigPath);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(Path.Combine(_folder, "cache"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Keep the user's environment out: no KUBECONFIG, no HOME/.kube, no proxies.
        info.Environment.Remove("KUBECONFIG");
        info.Environment["HOME"] = _folder;
        info.Environment.Remove("HTTPS_PROXY");
        info.Environment.Remove("https_proxy");
        info.Environment.Remove("HTTP_PROXY");
        info.Environment.Remove("http_proxy");
        info.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start.");
        lock (_started)
        {
            _started.Add(process);
        }
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        // A test that failed half-way may leave a kubectl waiting (delete, logs -f, get -w): end it with the test.
        lock (_started)
        {
            foreach (var process in _started)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                    // It ended meanwhile.
                }
            }
        }
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl still exiting may hold a file; the temp folder is cleaned up by the system later.
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
