using PSKube.Client.FileCopy;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Tests.Streaming;

namespace PSKube.Client.Tests.FileCopy;

/// <summary>kubectl cp and PodFileCopy on the same container of the fake: what one puts in, the other takes out byte for byte.</summary>
public sealed class PodFileCopySideBySideTests
{
    private static async Task<(KubectlRunner Kubectl, KubeClient Client, string Local)> StartAsync()
    {
        var kubectl = await KubectlRunner.StartAsync(timeScale: 20, simulateKubelet: false);
        await StreamingPods.CreateRunningAsync(kubectl.Cluster, "box", StreamingPods.Container("box"));
        var local = Directory.CreateTempSubdirectory("pskube-cp-kubectl-").FullName;
        Directory.CreateDirectory(Path.Combine(local, "up", "sub", "deeper"));
        await File.WriteAllTextAsync(Path.Combine(local, "up", "a.txt"), "first\n");
        await File.WriteAllBytesAsync(Path.Combine(local, "up", "sub", "deeper", "c.bin"), [0, 1, 2, 255, 13, 10]);
        var big = new byte[300_000];
        new Random(5).NextBytes(big);
        await File.WriteAllBytesAsync(Path.Combine(local, "up", "sub", "big.bin"), big);
        return (kubectl, FakeClusterClient.For(kubectl.Cluster), local);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        static List<string> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(expected), Files(actual));
        Assert.All(Files(expected), file => Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file))));
    }

    [KubectlFact]
    public async Task KubectlCpIn_PodFileCopyOut_SameBytes()
    {
        var (kubectl, client, local) = await StartAsync();
        await using var _ = kubectl;
        try
        {
            (await kubectl.RunAsync("cp", Path.Combine(local, "up"), "box:/tmp/up")).Succeeded();

            await PodFileCopy.FromPodAsync(client, "default", "box", null, "/tmp/up", Path.Combine(local, "down"), null, CancellationToken.None);

            AssertSameTree(Path.Combine(local, "up"), Path.Combine(local, "down"));
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }

    [KubectlFact]
    public async Task PodFileCopyIn_KubectlCpOut_SameBytes()
    {
        var (kubectl, client, local) = await StartAsync();
        await using var _ = kubectl;
        try
        {
            await PodFileCopy.ToPodAsync(client, "default", "box", null, Path.Combine(local, "up"), "/tmp/up", null, CancellationToken.None);

            (await kubectl.RunAsync("cp", "box:/tmp/up", Path.Combine(local, "down"))).Succeeded();

            AssertSameTree(Path.Combine(local, "up"), Path.Combine(local, "down"));
            // A single file, into an existing folder with kubectl's `test -d` rule on both sides.
            await PodFileCopy.ToPodAsync(client, "default", "box", null, Path.Combine(local, "up", "a.txt"), "/tmp", null, CancellationToken.None);
            (await kubectl.RunAsync("cp", "box:/tmp/a.txt", Path.Combine(local, "a-back.txt"))).Succeeded();
            Assert.Equal("first\n", await File.ReadAllTextAsync(Path.Combine(local, "a-back.txt")));
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }
}
