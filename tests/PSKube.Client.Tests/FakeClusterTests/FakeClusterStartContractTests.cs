using System.Diagnostics;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The command-line contract other tools rely on: `--kubeconfig PATH [--port N] [--time-scale X]` writes the
/// kubeconfig, prints exactly one `ready https://127.0.0.1:PORT` line within 3 s, and stops on SIGTERM or the end of stdin.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class FakeClusterStartContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pskube-contract-").FullName;

    [Fact]
    public async Task Start_PrintsReadyWithinThreeSeconds_WritesKubeconfig_AndStopsAtEndOfStdin()
    {
        var kubeconfig = Path.Combine(_folder, "nested", "kubeconfig");
        var clock = Stopwatch.StartNew();
        using var process = StartBuiltServer("--kubeconfig", kubeconfig);

        var ready = await ReadLineAsync(process, TimeSpan.FromSeconds(10));
        var elapsed = clock.Elapsed;
        Assert.Matches(@"^ready https://127\.0\.0\.1:\d+$", ready);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"ready after {elapsed}");
        var text = await File.ReadAllTextAsync(kubeconfig);
        Assert.Contains("server: " + ready!["ready ".Length..], text);
        Assert.Contains("current-context: fake", text);

        process.StandardInput.Close();
        Assert.True(await ExitsWithin(process, TimeSpan.FromSeconds(10)), "the server did not stop at the end of stdin");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Start_OnAGivenPortWithTimeScale_StopsOnSigterm()
    {
        var port = FreePort();
        using var process = StartBuiltServer("--kubeconfig", Path.Combine(_folder, "kc"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--time-scale", "30");
        Assert.Equal($"ready https://127.0.0.1:{port}", await ReadLineAsync(process, TimeSpan.FromSeconds(10)));

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        Assert.True(await ExitsWithin(process, TimeSpan.FromSeconds(10)), "the server did not stop on SIGTERM");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task DotnetRun_WithTheDocumentedCommandLine_PrintsReady()
    {
        // The exact command of the contract, without rebuilding (the test run has built it already).
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in new[] { "run", "--no-build", "-c", Configuration, "--project", "tests/FakeCluster", "--", "--kubeconfig", Path.Combine(_folder, "kc") })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        Assert.Matches(@"^ready https://127\.0\.0\.1:\d+$", await ReadLineAsync(process, TimeSpan.FromSeconds(60)));
        process.StandardInput.Close();
        Assert.True(await ExitsWithin(process, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Start_WithoutKubeconfig_ExplainsUsage()
    {
        using var process = StartBuiltServer();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage: --kubeconfig PATH", error);
    }

    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PSKube.sln")))
                {
                    return folder.FullName;
                }
            }
            throw new InvalidOperationException("PSKube.sln not found");
        }
    }

    private static Process StartBuiltServer(params string[] arguments)
    {
        var dll = Path.Combine(RepositoryRoot, "tests", "FakeCluster", "bin", Configuration, "net10.0", "PSKube.FakeCluster.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return Process.Start(info)!;
    }

    private static async Task<string?> ReadLineAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await process.StandardOutput.ReadLineAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("no ready line; stderr: " + await process.StandardError.ReadToEndAsync());
        }
    }

    private static async Task<bool> ExitsWithin(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
