namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>What a container runs: its image and the argv the runtime builds from command/args and the image's defaults.</summary>
public sealed record ContainerCommand(string Image, IReadOnlyList<string> Argv)
{
    /// <summary>The image without registry host, tag or digest: "alpine", "jpetazzo/ping", "kuar-demo/kuard-amd64".</summary>
    public string Repository => ImageReference.Repository(Image);

    /// <summary>The program's file name without its folder ("/bin/sh" is "sh"), or "" when argv is empty.</summary>
    public string Executable => Argv.Count == 0 ? "" : Argv[0][(Argv[0].LastIndexOf('/') + 1)..];

    public IReadOnlyList<string> Arguments => Argv.Count == 0 ? [] : Argv.Skip(1).ToList();

    /// <summary>
    /// Builds argv as a container runtime does: command replaces the image's entrypoint and drops its default
    /// arguments; args replace only the default arguments.
    /// </summary>
    public static ContainerCommand From(string image, IReadOnlyList<string>? command, IReadOnlyList<string>? args)
    {
        var defaults = ImageDefaults.For(image);
        var entrypoint = command is { Count: > 0 } ? command : defaults.Entrypoint;
        var arguments = args is { Count: > 0 } ? args : command is { Count: > 0 } ? [] : defaults.Arguments;
        return new ContainerCommand(image, [.. entrypoint, .. arguments]);
    }
}
