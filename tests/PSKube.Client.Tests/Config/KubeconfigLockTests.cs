using System.Diagnostics;
using System.Runtime.Versioning;
using PSKube.Client.Config;

namespace PSKube.Client.Tests.Config;

/// <summary>kubectl's lock file around kubeconfig edits, the re-read under it, and the atomic replacement of the file.</summary>
public sealed class KubeconfigLockTests : IDisposable
{
    private const string Original = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: c
          cluster: {server: "https://c.example:6443"}
        users:
        - name: u
          user: {token: secret-token}
        contexts:
        - name: dev
          context: {cluster: c, user: u}
        - name: prod
          context: {cluster: c, user: u}
        """;

    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public void Acquire_CreatesTheLockFileKubectlUses_AndDisposeRemovesIt()
    {
        var path = _folder.Write("config", Original);

        using (var held = KubeConfigFileLock.Acquire(path, Short))
        {
            Assert.Equal(path + ".lock", held.LockPath);
            Assert.True(File.Exists(path + ".lock"));
        }

        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void Edit_WaitsWhileTheLockIsHeld_AndSucceedsOnceItIsRemoved()
    {
        var path = _folder.Write("config", Original);
        var lockPath = _folder.Write("config.lock", "");
        var elapsed = Stopwatch.StartNew();
        using var release = Task.Delay(Short).ContinueWith(_ => File.Delete(lockPath), TaskScheduler.Default);

        KubeConfigEditor.UseContext(Load(path), "prod", lockTimeout: TimeSpan.FromSeconds(30));

        Assert.True(elapsed.Elapsed >= Short, $"the edit went ahead after {elapsed.Elapsed} while the lock was held");
        Assert.Equal("prod", Load(path).CurrentContext);
        Assert.False(File.Exists(lockPath));
    }

    [Fact]
    public void Edit_FailsAfterTheTimeout_NamingTheLockFile_AndLeavesLockAndFileAlone()
    {
        var path = _folder.Write("config", Original);
        var lockPath = _folder.Write("config.lock", "");
        File.SetLastWriteTimeUtc(lockPath, DateTime.UtcNow.AddHours(-3));
        var config = Load(path);
        var elapsed = Stopwatch.StartNew();

        var error = Assert.Throws<KubeConfigLockedException>(() => KubeConfigEditor.SetContextNamespace(config, "dev", "team", lockTimeout: Short));

        Assert.InRange(elapsed.Elapsed, Short, Short + TimeSpan.FromSeconds(5));
        Assert.Equal(lockPath, error.LockPath);
        Assert.Equal(path, error.KubeconfigPath);
        Assert.Contains($"lock file {lockPath}, created 3 h ago", error.Message, StringComparison.Ordinal);
        Assert.Contains($"remove {lockPath} and try again", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(lockPath), "a lock PSKube did not create must not be removed by it");
        Assert.Equal(Original, File.ReadAllText(path));
    }

    [Fact]
    public void Edit_AppliesTheChangeToTheFileAsItIsNow_NotAsItWasLoaded()
    {
        var path = _folder.Write("config", Original);
        var loadedBefore = Load(path);
        // Another writer adds a context after this process loaded the file.
        var other = Load(path);
        KubeConfigEditor.SetContext(other, "added-meanwhile", cluster: "c", user: "u");

        KubeConfigEditor.SetContextNamespace(loadedBefore, "dev", "team");

        var after = Load(path);
        Assert.Equal("team", after.Contexts["dev"].Value.Namespace);
        Assert.True(after.Contexts.ContainsKey("added-meanwhile"));
    }

    [Fact]
    public void Delete_OfAContextRemovedMeanwhile_SaysSo()
    {
        var path = _folder.Write("config", Original);
        var loadedBefore = Load(path);
        KubeConfigEditor.DeleteContext(Load(path), "prod");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigEditor.DeleteContext(loadedBefore, "prod"));

        Assert.Contains("was removed from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Edit_KeepsAModeTheUmaskWouldNarrow()
    {
        var path = _folder.Write("config", Original);
        var groupWritable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(path, groupWritable);

        KubeConfigEditor.UseContext(Load(path), "prod");

        Assert.Equal(groupWritable, File.GetUnixFileMode(path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Edit_ThroughASymbolicLink_WritesTheTarget_KeepsTheLink_AndLocksTheLinkName()
    {
        var target = _folder.Write("real/config", Original);
        var link = _folder.File("links/config");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, "../real/config");
        var config = Load(link);

        // kubectl locks the name it was given, so a lock on the link's name must hold the edit back.
        using (KubeConfigFileLock.Acquire(link, Short))
        {
            Assert.Throws<KubeConfigLockedException>(() => KubeConfigEditor.UseContext(config, "prod", lockTimeout: Short));
        }
        KubeConfigEditor.UseContext(config, "prod");

        Assert.Equal("../real/config", new FileInfo(link).LinkTarget);
        Assert.Equal("prod", Load(target).CurrentContext);
        Assert.Equal([link], Directory.GetFiles(Path.GetDirectoryName(link)!));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Edit_KeepsTheOwner_WhenRootEditsAnotherUsersFile()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return; // Only root can hand a file to another user; other runs have nothing to check here.
        }
        var path = _folder.Write("config", Original);
        Run("chown", "65534:65534", path);

        KubeConfigEditor.UseContext(Load(path), "prod");

        Assert.Equal("65534:65534", Run("stat", "-c", "%u:%g", path));
        Assert.Equal("prod", Load(path).CurrentContext);
    }

    private static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    private KubeConfig Load(string path) => new KubeConfigLoader { HomeDirectory = _folder.File("home") }.Load(path);

    public void Dispose() => _folder.Dispose();
}
