using System.Globalization;
using System.Runtime.InteropServices;
using PSKube.FakeCluster;

// dotnet run --project tests/FakeCluster -- --kubeconfig PATH [--port N] [--time-scale X] [--nodes N] [--event-ttl DURATION] [--no-metrics]
// Writes the kubeconfig, prints "ready https://127.0.0.1:PORT" once it serves, and runs until SIGTERM, Ctrl+C
// or the end of standard input.
string? kubeconfig = null;
var port = 0;
var timeScale = 1.0;
var serveMetrics = true;
var nodes = 1;
var eventTtl = TimeSpan.FromHours(1);
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--kubeconfig":
            kubeconfig = Value();
            break;
        case "--port":
            port = int.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--time-scale":
            timeScale = double.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--nodes":
            nodes = int.Parse(Value(), CultureInfo.InvariantCulture);
            if (nodes is < 1 or > 256)
            {
                await Console.Error.WriteLineAsync("--nodes takes 1 to 256 (one /24 of 10.244.0.0/16 each)");
                return 2;
            }
            break;
        case "--event-ttl":
            // The API server's flag: how long events live after their last write, in cluster time (a Go duration: 24h).
            eventTtl = PSKube.Client.Models.KubeDuration.Parse(Value()).TimeSpan;
            break;
        case "--no-metrics":
            serveMetrics = false;
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}; usage: --kubeconfig PATH [--port N] [--time-scale X] [--nodes N] [--event-ttl DURATION] [--no-metrics]");
            return 2;
    }
}
if (kubeconfig is null)
{
    await Console.Error.WriteLineAsync("usage: --kubeconfig PATH [--port N] [--time-scale X] [--nodes N] [--event-ttl DURATION] [--no-metrics]");
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

await using var server = await FakeClusterServer.StartAsync(new FakeClusterOptions { KubeconfigPath = kubeconfig, Port = port, TimeScale = timeScale, ServeMetrics = serveMetrics, Nodes = nodes, EventTimeToLive = eventTtl });
Console.WriteLine($"ready {server.Server}");
Console.Out.Flush();

// End of standard input stops the server too, so a parent process that exits takes it along.
_ = Task.Run(async () =>
{
    var stdin = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (await stdin.ReadAsync(buffer) > 0)
    {
    }
    await stop.CancelAsync();
});

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Asked to stop.
}
return 0;
