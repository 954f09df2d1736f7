using System.Diagnostics;
using PSKube.Client.Config;
using PSKube.Client.Tests.Kubectl;

namespace PSKube.Client.Tests.Config;

/// <summary>
/// A kubeconfig file is parsed once per change, not per command; every change is still seen by the next load:
/// edits by this process, by kubectl in another process, edits that keep the length and the write time (file systems
/// with coarse write times), and a symbolic link turned to another file.
/// </summary>
public sealed class KubeconfigCacheTests : IDisposable
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-1);

    private readonly KubeconfigTestFolder _folder = new();

    // Two contexts with names of the same length, so switching between them keeps the file's length.
    private static string Config(string current, string token = "token-1") => $$"""
        apiVersion: v1
        kind: Config
        current-context: {{current}}
        clusters:
        - name: c
          cluster:
            server: https://c.example:6443
        users:
        - name: u
          user:
            token: {{token}}
        contexts:
        - name: ctx-a
          context: {cluster: c, user: u}
        - name: ctx-b
          context: {cluster: c, user: u, namespace: b-ns}
        """;

    private static KubeConfig Load(string path) => new KubeConfigLoader { KubeconfigVariable = path }.Load();

    [Fact]
    public void UnchangedFile_IsParsedOnce()
    {
        var path = _folder.Write("config", Config("ctx-a"));
        File.SetLastWriteTimeUtc(path, LongAgo);

        var first = Load(path);
        var second = Load(path);

        Assert.Same(first.Users["u"].Value, second.Users["u"].Value);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task NewFile_LoadedByManyAtOnce_GetsOneVersion()
    {
        // A session's first command and the warm-up parse a new file at the same time: both must end on one
        // version, or the next command would build a second client and open a second connection.
        for (var round = 0; round < 20; round++)
        {
            var path = _folder.Write($"config-{round}", Config("ctx-a"));
            File.SetLastWriteTimeUtc(path, LongAgo);
            using var start = new Barrier(4);
            // Threads of their own: four pool threads blocked at a barrier would wait for the pool to grow.
            var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return Load(path).Version;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

            Assert.Single(versions.Append(Load(path).Version).Distinct());
        }
    }

    [Fact]
    public void SettledFile_WithTheSameStamp_IsNotReadAgain()
    {
        // What makes the cache cheap: an old file whose length and write time are unchanged is trusted unread.
        var path = _folder.Write("config", Config("ctx-a"));
        File.SetLastWriteTimeUtc(path, LongAgo);
        var first = Load(path);

        File.WriteAllText(path, Config("ctx-b"));
        File.SetLastWriteTimeUtc(path, LongAgo);

        Assert.Equal("ctx-a", Load(path).CurrentContext);
        Assert.Equal(first.Version, Load(path).Version);
    }

    [Fact]
    public void EditedFile_IsSeenByTheNextLoad()
    {
        var path = _folder.Write("config", Config("ctx-a"));
        File.SetLastWriteTimeUtc(path, LongAgo);
        var before = Load(path);

        File.WriteAllText(path, Config("ctx-a", token: "a-longer-token"));

        var after = Load(path);
        Assert.Equal("a-longer-token", after.Users["u"].Value.Token);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void EditKeepingLengthAndWriteTime_IsSeenWhileTheWriteTimeIsRecent()
    {
        // As on a file system that keeps write times to the second: two writes within it look alike but for the text.
        var path = _folder.Write("config", Config("ctx-a"));
        var writeTime = File.GetLastWriteTimeUtc(path);
        Assert.Equal("ctx-a", Load(path).CurrentContext);

        File.WriteAllText(path, Config("ctx-b"));
        File.SetLastWriteTimeUtc(path, writeTime);

        Assert.Equal("ctx-b", Load(path).CurrentContext);
    }

    [Fact]
    public void FileTouchedWithoutChange_KeepsItsVersion()
    {
        var path = _folder.Write("config", Config("ctx-a"));
        File.SetLastWriteTimeUtc(path, LongAgo);
        var before = Load(path);

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);

        Assert.Equal(before.Version, Load(path).Version);
    }

    [Fact]
    public void EditByThisProcess_IsSeenEvenWhenTheWriteTimeLooksUnchanged()
    {
        // A file server whose clock lags could give the edited file the write time it had.
        var path = _folder.Write("config", Config("ctx-a"));
        File.SetLastWriteTimeUtc(path, LongAgo);
        var config = Load(path);

        KubeConfigEditor.UseContext(config, "ctx-b");
        File.SetLastWriteTimeUtc(path, LongAgo);

        Assert.Equal("ctx-b", Load(path).CurrentContext);
    }

    [Fact]
    public void SymbolicLinkTurnedToAnotherFile_IsSeen()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var a = _folder.Write("a", Config("ctx-a"));
        var b = _folder.Write("b", Config("ctx-b"));
        File.SetLastWriteTimeUtc(a, LongAgo);
        File.SetLastWriteTimeUtc(b, LongAgo);
        var link = _folder.File("config");
        File.CreateSymbolicLink(link, a);
        Assert.Equal("ctx-a", Load(link).CurrentContext);

        File.Delete(link);
        File.CreateSymbolicLink(link, b);

        Assert.Equal("ctx-b", Load(link).CurrentContext);
    }

    [Fact]
    public void FileBrokenThenRepaired_FailsThenLoads()
    {
        var path = _folder.Write("config", Config("ctx-a"));
        Load(path);

        File.WriteAllText(path, "clusters: [unclosed");
        Assert.Throws<KubeConfigException>(() => Load(path));

        File.WriteAllText(path, Config("ctx-b"));
        Assert.Equal("ctx-b", Load(path).CurrentContext);
    }

    [Fact]
    public void FileRemoved_IsNoLongerMerged()
    {
        var first = _folder.Write("a/config", Config("ctx-a"));
        var second = _folder.Write("b/config", Config("ctx-b"));
        var loader = new KubeConfigLoader { KubeconfigVariable = string.Join(Path.PathSeparator, first, second) };
        Assert.Equal("ctx-a", loader.Load().CurrentContext);

        File.Delete(first);

        var config = loader.Load();
        Assert.Equal([second], config.Files);
        Assert.Equal("ctx-b", config.CurrentContext);
    }

    [KubectlFact]
    public async Task EditByKubectlInAnotherProcess_IsSeenByTheNextLoad()
    {
        var path = _folder.Write("config", Config("ctx-a"));
        Assert.Equal("ctx-a", Load(path).CurrentContext);

        foreach (var context in new[] { "ctx-b", "ctx-a", "ctx-b" })
        {
            // kubectl rewrites the file in place, keeping its length: only the text tells the versions apart.
            await RunKubectlAsync("--kubeconfig", path, "config", "use-context", context);
            Assert.Equal(context, Load(path).CurrentContext);
        }
    }

    private async Task RunKubectlAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(KubectlRunner.ExecutablePath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        Assert.True(process.ExitCode == 0, await stderr);
    }

    public void Dispose() => _folder.Dispose();
}
