using System.Globalization;
using System.Net;

namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>busybox ping: a header line, then one reply a second, forever or for -c COUNT replies and a summary.</summary>
public sealed class PingProgram : IContainerProgram
{
    public long MemoryBytes => 1024 * 1024;

    // busybox ping handles SIGINT only; as PID 1 it ignores SIGTERM (the pod goes when the grace period ends).
    public int? ExitCodeOnTerm => null;

    public bool Runs(ContainerCommand command) => command.Executable == "ping" && Host(command) is not null;

    public IEnumerable<ProgramStep> Run(ProgramContext context)
    {
        var host = Host(context.Command)!;
        var address = Resolve(host);
        var loopback = address.StartsWith("127.", StringComparison.Ordinal);
        var count = Count(context.Command);
        var times = new List<double>();
        yield return ProgramStep.Print(TimeSpan.Zero, $"PING {host} ({address}): 56 data bytes");
        for (var seq = 0; count is null || seq < count; seq++)
        {
            // Loopback answers in tens of microseconds; anything else takes a few milliseconds.
            var millis = loopback ? 0.03 + (context.Random.NextDouble() * 0.05) : 2 + (context.Random.NextDouble() * 10);
            times.Add(millis);
            yield return ProgramStep.Print(TimeSpan.FromSeconds(seq),
                $"64 bytes from {address}: seq={seq} ttl={(loopback ? 64 : 117)} time={Millis(millis)} ms");
        }
        var end = TimeSpan.FromSeconds(times.Count - 1);
        yield return ProgramStep.Print(end, "");
        yield return ProgramStep.Print(end, $"--- {host} ping statistics ---");
        yield return ProgramStep.Print(end, $"{times.Count} packets transmitted, {times.Count} packets received, 0% packet loss");
        yield return ProgramStep.Print(end, $"round-trip min/avg/max = {Millis(times.Min())}/{Millis(times.Average())}/{Millis(times.Max())} ms");
        yield return ProgramStep.Exit(end, 0);
    }

    private static string Millis(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    // The host is the last argument; options (-c N, -i N...) come before it.
    private static string? Host(ContainerCommand command) =>
        command.Arguments.LastOrDefault() is { Length: > 0 } last && !last.StartsWith('-') ? last : null;

    private static int? Count(ContainerCommand command)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == "-c" && int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                return count;
            }
        }
        return null;
    }

    private static string Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip.ToString();
        }
        if (host == "localhost")
        {
            return "127.0.0.1";
        }
        // A stable made-up public address per name, so the same host always resolves the same.
        var hash = (uint)host.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        return $"93.184.{(hash >> 8) % 256}.{(hash % 254) + 1}";
    }
}
