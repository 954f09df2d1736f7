namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>The ENTRYPOINT and CMD of the images the fake knows; other images have neither.</summary>
public sealed record ImageDefaults(IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Arguments)
{
    private static readonly ImageDefaults None = new([], []);

    private static readonly Dictionary<string, ImageDefaults> Known = new(StringComparer.Ordinal)
    {
        ["alpine"] = new([], ["/bin/sh"]),
        ["busybox"] = new([], ["sh"]),
        ["jpetazzo/ping"] = new([], ["ping", "127.0.0.1"]),
        ["kuar-demo/kuard-amd64"] = new(["/kuard"], []),
    };

    public static ImageDefaults For(string image) => Known.GetValueOrDefault(ImageReference.Repository(image), None);
}
