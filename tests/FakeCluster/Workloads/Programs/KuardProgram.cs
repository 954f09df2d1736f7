using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>
/// kuard, the demo server of "Kubernetes Up and Running": Go log lines at start, then it serves HTTP on :8080 (or
/// --address). The containers of a pod share one network, so a second kuard in the pod cannot bind the port,
/// logs the listen error and exits 1.
/// </summary>
public sealed class KuardProgram : IContainerProgram
{
    private const string Version = "v0.10.0";

    public long MemoryBytes => 12 * 1024 * 1024;

    // A Go program without a signal handler exits on SIGTERM; as PID 1 the runtime exits with status 2.
    public int? ExitCodeOnTerm => 2;

    public bool Runs(ContainerCommand command) =>
        command.Repository == "kuar-demo/kuard-amd64" && command.Executable == "kuard";

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var address = Address(context.Command);
        var stars = new string('*', 70);
        var tag = ImageReference.Tag(context.Command.Image) ?? "1";
        string[] start =
        [
            $"Starting kuard version: {Version}-{tag}",
            stars,
            "* WARNING: This server may expose sensitive",
            "* and secret information. Be careful.",
            stars,
            "Config: ",
            "{",
            $"  \"address\": \"{address}\",",
            "  \"debug\": false,",
            "  \"debug-sitedata-dir\": \"./sitedata\",",
            "  \"tls-address\": \":8443\",",
            "  \"tls-dir\": \"/tls\"",
            "}",
            "Could not find certificates to serve TLS",
            $"Serving on HTTP on {address}",
        ];
        // Go's log package prefixes a date and time to each call; the config dump is one call over several lines.
        var prefix = context.StartedAt.UtcDateTime.ToString("yyyy'/'MM'/'dd HH:mm:ss ", CultureInfo.InvariantCulture);
        var continuation = false;
        foreach (var line in start)
        {
            yield return ProgramStep.Print(TimeSpan.Zero, continuation ? line : prefix + line);
            continuation = line is "Config: " || (continuation && line != "}");
        }
        var port = Port(address);
        if (!context.Network.TryListen(port, context.ContainerName))
        {
            yield return ProgramStep.Print(TimeSpan.Zero, $"{prefix}listen tcp {address}: bind: address already in use");
            yield return ProgramStep.Exit(TimeSpan.Zero, 1);
        }
    }

    private static string Address(ContainerCommand command)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith("--address=", StringComparison.Ordinal))
            {
                return arguments[i]["--address=".Length..];
            }
            if (arguments[i] == "--address" && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }
        }
        return ":8080";
    }

    private static int Port(string address) =>
        int.TryParse(address[(address.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 8080;
}
