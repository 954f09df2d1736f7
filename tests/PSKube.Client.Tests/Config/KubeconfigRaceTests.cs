using System.Diagnostics;
using System.Globalization;
using System.Text;
using PSKube.Client.Config;
using PSKube.Client.Tests.Kubectl;

namespace PSKube.Client.Tests.Config;

/// <summary>
/// Separate processes edit one kubeconfig at once: four PSKube processes (tests/ConfigEditRacer, 25 edits each) and,
/// where kubectl is on PATH, kubectl config set-context / config set. Separate processes matter: a lock inside one
/// process would hide the bug. No edit may be lost, and the file must parse whenever a reader looks.
/// </summary>
public sealed class KubeconfigRaceTests : IDisposable
{
    private const int Racers = 4;
    private const int EditsPerRacer = 25;
    private const int KubectlEdits = 25;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public Task PSKubeProcessesEditingAtOnce_LoseNoEdit() => RaceAsync(withKubectl: false);

    [KubectlFact]
    public Task PSKubeProcessesAndKubectlEditingAtOnce_LoseNoEdit() => RaceAsync(withKubectl: true);

    private async Task RaceAsync(bool withKubectl)
    {
        var path = _folder.Write("config", InitialConfig());
        var racers = Enumerable.Range(0, Racers).Select(r => StartRacer(path, Prefix(r))).ToList();
        try
        {
            await RaceAsync(path, racers, withKubectl);
        }
        finally
        {
            // A racer left behind by a failed assertion must not outlive the test.
            foreach (var racer in racers)
            {
                if (!racer.HasExited)
                {
                    racer.Kill(entireProcessTree: true);
                }
                racer.Dispose();
            }
        }
    }

    private async Task RaceAsync(string path, List<Process> racers, bool withKubectl)
    {
        foreach (var racer in racers)
        {
            Assert.Equal("ready", await racer.StandardOutput.ReadLineAsync());
        }
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() => ReadWhileRacing(path, kubectlWritesInPlace: withKubectl, done.Token));
        try
        {
            foreach (var racer in racers)
            {
                await racer.StandardInput.WriteLineAsync("go");
                await racer.StandardInput.FlushAsync();
            }
            var kubectl = withKubectl ? KubectlEditsAsync(path) : Task.CompletedTask;
            foreach (var racer in racers)
            {
                using var bound = new CancellationTokenSource(Bound);
                await racer.WaitForExitAsync(bound.Token);
                Assert.True(racer.ExitCode == 0, $"a PSKube racer failed: {await racer.StandardError.ReadToEndAsync()}");
            }
            await kubectl;
        }
        finally
        {
            await done.CancelAsync();
        }
        var snapshots = await reader;

        Assert.True(snapshots > 0, "the reader never saw the file");
        var final = KubeConfigFileReader.Parse(File.ReadAllText(path), path);
        var namespaces = final.Contexts.ToDictionary(c => c.Name!, c => c.Context?.Namespace);
        for (var r = 0; r < Racers; r++)
        {
            for (var i = 0; i < EditsPerRacer; i++)
            {
                Assert.True(namespaces.TryGetValue($"{Prefix(r)}-{i}", out var ns) && ns == $"ns-{i}", $"PSKube's edit of {Prefix(r)}-{i} was lost ({ns ?? "no context"})");
            }
        }
        for (var i = 0; withKubectl && i < KubectlEdits; i++)
        {
            Assert.True(namespaces.TryGetValue($"k-{i}", out var ns) && ns == $"kns-{i}", $"kubectl's edit of k-{i} was lost ({ns ?? "no context"})");
        }
        Assert.Single(final.Clusters);
        Assert.Single(final.Users);
        Assert.False(File.Exists(path + ".lock"));
    }

    private static string Prefix(int racer) => ((char)('a' + racer)).ToString();

    // Odd contexts exist beforehand, so racers both change existing entries and add new ones.
    private static string InitialConfig()
    {
        var text = new StringBuilder("""
            apiVersion: v1
            kind: Config
            clusters:
            - name: racers
              cluster: {server: "https://127.0.0.1:1"}
            users:
            - name: racers
              user: {token: racer-token}
            contexts:

            """);
        for (var r = 0; r < Racers; r++)
        {
            for (var i = 1; i < EditsPerRacer; i += 2)
            {
                text.Append(CultureInfo.InvariantCulture, $"- name: {Prefix(r)}-{i}\n  context: {{cluster: racers, user: racers, namespace: before}}\n");
            }
        }
        return text.ToString();
    }

    private Process StartRacer(string path, string prefix)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "PSKube.ConfigEditRacer.dll"), path, prefix, EditsPerRacer.ToString(CultureInfo.InvariantCulture), Bound.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["HOME"] = _folder.Path;
        info.Environment.Remove("KUBECONFIG");
        return Process.Start(info)!;
    }

    // kubectl gives up at once when the lock is taken ("open ...lock: file exists"), so each edit is retried until it
    // goes through, as a user would; any other failure fails the test.
    private async Task KubectlEditsAsync(string path)
    {
        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < KubectlEdits; i++)
        {
            string[] arguments = i % 2 == 0
                ? ["config", "set-context", $"k-{i}", "--cluster=racers", "--user=racers", $"--namespace=kns-{i}"]
                : ["config", "set", $"contexts.k-{i}.namespace", $"kns-{i}"];
            while (true)
            {
                var (exitCode, stderr) = await RunKubectlAsync(path, arguments);
                if (exitCode == 0)
                {
                    break;
                }
                Assert.Contains(".lock: file exists", stderr, StringComparison.Ordinal);
                Assert.True(elapsed.Elapsed < Bound, "kubectl never got the lock");
            }
        }
    }

    private async Task<(int ExitCode, string Stderr)> RunKubectlAsync(string path, string[] arguments)
    {
        var info = new ProcessStartInfo(KubectlRunner.ExecutablePath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["HOME"] = _folder.Path;
        info.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        return (process.ExitCode, await stderr);
    }

    // Reads the file over and over while the writers run. PSKube replaces the file atomically, so every read must
    // parse and hold the cluster and user. kubectl rewrites the file in place while it holds the lock, so with kubectl
    // racing only reads made while no lock existed count (a reader honouring the lock sees no others).
    private static int ReadWhileRacing(string path, bool kubectlWritesInPlace, CancellationToken done)
    {
        var lockPath = path + ".lock";
        var snapshots = 0;
        while (!done.IsCancellationRequested)
        {
            var lockedBefore = File.Exists(lockPath);
            var text = File.ReadAllText(path);
            if (kubectlWritesInPlace && (lockedBefore || File.Exists(lockPath)))
            {
                continue;
            }
            var document = KubeConfigFileReader.Parse(text, path);
            Assert.True(document.Clusters.Count == 1 && document.Users.Count == 1, $"a reader saw a kubeconfig without its cluster or user:\n{text}");
            snapshots++;
        }
        return snapshots;
    }

    public void Dispose() => _folder.Dispose();
}
