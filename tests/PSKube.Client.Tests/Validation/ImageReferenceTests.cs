using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Validation;

/// <summary>Image references as kubectl run judges them: the table holds kubectl 1.32's verdicts, and a kubectl test checks them.</summary>
public sealed class ImageReferenceTests
{
    private static readonly string Hex = new('f', 64);

    /// <summary>Each reference with kubectl run's verdict (true: accepted; false: "invalid reference format").</summary>
    public static TheoryData<string, bool> Verdicts => new()
    {
        { "nginx", true },
        { "nginx:1.27", true },
        { "library/nginx", true },
        { "docker.io/library/nginx:latest", true },
        { "localhost:5000/x:1", true },
        { "Registry.Example.com/team/app:1.0", true },
        { "UPPER/x", true },
        { "127.0.0.1:5000/a", true },
        { "[::1]:5000/a", true },
        { "my-registry:5000/team/app", true },
        { "a__b", true },
        { "a--b", true },
        { "a.b", true },
        { "a_b", true },
        { "nginx:v1.0_rc-2", true },
        { "ab:Tag_1", true },
        { "x@sha256:" + Hex, true },
        { "x:1@sha256:" + Hex, true },
        { "x@sha256:" + Hex.ToUpperInvariant(), true },
        { "x:" + new string('a', 128), true },
        { "UPPER:case", false },
        { "Nginx", false },
        { "nginx:", false },
        { ":tag", false },
        { "a b", false },
        { "x@sha256:abc", false },
        { "nginx:-bad", false },
        { "a___b", false },
        { "a..b", false },
        { "a._b", false },
        { "a/-b", false },
        { "/a", false },
        { "a/", false },
        { "a//b", false },
        { "a_", false },
        { "_a", false },
        { "a-", false },
        { "-a", false },
        { "host-:5000/a", false },
        { "x:" + new string('a', 129), false },
        { "nginx\n", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void ImageReference_AcceptsWhatKubectlRunAccepts(string image, bool valid) =>
        Assert.Equal(valid, ImageReference.IsValid(image));

    [KubectlFact]
    public async Task ImageReference_TheTableIsKubectlsVerdict()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var disagreements = new List<string>();
        foreach (var row in Verdicts)
        {
            var (image, valid) = ((string)row[0], (bool)row[1]);
            if (image.Length == 0)
            {
                continue; // kubectl says "--image is required" before it looks at the format.
            }
            var result = await kubectl.RunAsync("run", "p", "--image", image, "--dry-run=client", "-o", "name");
            var accepted = result.ExitCode == 0;
            if (!accepted)
            {
                Assert.Contains("invalid reference format", result.Stderr, StringComparison.Ordinal);
            }
            if (accepted != valid)
            {
                disagreements.Add($"{image}: kubectl {(accepted ? "accepts" : "refuses")} it");
            }
        }
        Assert.Empty(disagreements);
    }
}
