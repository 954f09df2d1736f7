using System.Diagnostics;
using PSKube.Client.Config;
using PSKube.Client.Manifests;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Manifests;

public sealed class YamlLimitsTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    // The "billion laughs": nine levels of aliases, each nine of the one before, 370 bytes that expand to 9^9 values.
    private static readonly string AliasBomb = string.Join('\n',
        ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: bomb}", "data:", "  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]",
         .. "bcdefghi".Select((letter, i) => $"  {letter}: &{letter} [{string.Join(',', Enumerable.Repeat($"*{(char)('a' + i)}", 9))}]")]) + "\n";

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AliasBomb_InAManifest_IsRefusedFastAndSmall()
    {
        var (error, elapsed, allocated) = Measure(() => Assert.Throws<ManifestException>(() => KubeYaml.ObjectsFromYaml(AliasBomb)));

        Assert.Contains("document contains excessive aliasing", error.Message);
        Assert.True(error.Line > 5, $"line {error.Line}");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(allocated < 100_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AliasBomb_InAKubeconfig_IsRefusedFastAndSmall()
    {
        var path = _folder.Write("config", "apiVersion: v1\nkind: Config\npreferences:\n  extensions:\n  - name: x\n    extension:\n" +
            string.Join('\n', AliasBomb.Split('\n').Skip(4).Select(line => "      " + line.Trim())) + "\n");

        var (error, elapsed, allocated) = Measure(() => Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { HomeDirectory = _folder.File("home") }.Load(path)));

        Assert.StartsWith($"the kubeconfig file {path} is not valid: {path}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("document contains excessive aliasing", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(allocated < 100_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AFewAliases_StillWork()
    {
        var objects = KubeYaml.ObjectsFromYaml("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: shared
              labels: &labels {app: web, tier: front}
              annotations: *labels
            spec:
              containers:
              - &container {name: a, image: nginx, env: [{name: MODE, value: fast}]}
              - *container
            """);

        var pod = Assert.IsType<PSKube.Client.Models.Pod>(Assert.Single(objects));
        Assert.Equal("web", pod.Metadata!.Annotations!["app"]);
        Assert.Equal(2, pod.Spec!.Containers!.Count);
        Assert.Equal("fast", pod.Spec.Containers[1].Env![0].Value);
    }

    [Fact]
    public void DeepNesting_IsRefusedWithTheLimit()
    {
        var deep = "a: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var error = Assert.Throws<ManifestException>(() => YamlJson.ToJson(deep));

        Assert.Contains($"nests deeper than {YamlLimits.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void OversizeDocument_IsRefusedWithItsSizeAndTheLimit()
    {
        var huge = "data: \"" + new string('x', (int)YamlLimits.MaxTextLength) + "\"\n";

        var error = Assert.Throws<ManifestException>(() => KubeYaml.ObjectsFromYaml(huge));

        Assert.Equal("the document is too large: 67,108,873 characters, more than the limit of 67,108,864 (64 MiB); split it into several files", error.Message);
    }

    [Fact]
    public void OversizeKubeconfigFile_IsRefusedBeforeItIsRead()
    {
        var path = _folder.File("config");
        using (var file = File.Create(path))
        {
            file.SetLength(YamlLimits.MaxTextLength + 1);
        }

        var error = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { HomeDirectory = _folder.File("home") }.Load(path));

        Assert.Equal($"the kubeconfig file {path} is not valid: {path}: the document is too large: 67,108,865 bytes, more than the limit of 67,108,864 (64 MiB); split it into several files", error.Message);
    }

    private static (T Result, TimeSpan Elapsed, long Allocated) Measure<T>(Func<T> action)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = action();
        return (result, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }
}
