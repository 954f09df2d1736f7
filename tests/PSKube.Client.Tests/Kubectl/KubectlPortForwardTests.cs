using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The real kubectl port-forward against the fake: SPDY/3.1 tunnelled in a WebSocket (kubectl 1.32's default), the
/// plain SPDY upgrade it falls back to, many connections at once, a port nothing listens on, services and deployments.
/// </summary>
public sealed partial class KubectlPortForwardTests
{
    private const string Kuard = "gcr.io/kuar-demo/kuard-amd64:blue";

    private static async Task<KubectlRunner> StartWithKuardAsync()
    {
        var kubectl = await KubectlRunner.StartAsync(timeScale: 20);
        (await kubectl.RunAsync("run", "kuard", $"--image={Kuard}")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/kuard", "--timeout=60s")).Succeeded();
        return kubectl;
    }

    [KubectlFact]
    public async Task PortForward_Pod_ServesKuardOverTheWebSocketTunnel()
    {
        await using var kubectl = await StartWithKuardAsync();
        using var forward = await ForwardAsync(kubectl, "pod/kuard", ":8080");
        var page = await GetAsync(forward.LocalPort, "/");
        Assert.StartsWith("HTTP/1.1 200 OK", page, StringComparison.Ordinal);
        Assert.Contains("Served from kuard", page, StringComparison.Ordinal);
        Assert.Contains("Handling connection for", await forward.StopAsync(), StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task PortForward_PlainSpdyUpgrade_ServesManyConnectionsAtOnce()
    {
        await using var kubectl = await StartWithKuardAsync();
        using var forward = await ForwardAsync(kubectl, "pod/kuard", ":8080", spdyOnly: true);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => GetAsync(forward.LocalPort, "/ready")));
        Assert.All(answers, answer => Assert.EndsWith("\r\n\r\nok", answer, StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task PortForward_PortNothingListensOn_ShowsTheRuntimesRefusalAndEnds()
    {
        await using var kubectl = await StartWithKuardAsync();
        using var forward = await ForwardAsync(kubectl, "pod/kuard", ":9999");
        var answer = await GetAsync(forward.LocalPort, "/");
        Assert.Equal("", answer);
        Assert.True(await forward.WaitForExitAsync(TimeSpan.FromSeconds(30)), "kubectl should end after the error");
        var stderr = await forward.StopAsync(stderr: true);
        Assert.Contains("an error occurred forwarding", stderr, StringComparison.Ordinal);
        Assert.Contains("dial tcp4 127.0.0.1:9999: connect: connection refused", stderr, StringComparison.Ordinal);
        Assert.Contains("error: lost connection to pod", stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task PortForward_ServiceAndDeployment_ReachAPodOfThem()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 20);
        (await kubectl.RunAsync("create", "deployment", "web", $"--image={Kuard}", "--replicas=2")).Succeeded();
        (await kubectl.RunAsync("expose", "deployment", "web", "--port=80", "--target-port=8080")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Available", "deployment/web", "--timeout=60s")).Succeeded();

        using (var service = await ForwardAsync(kubectl, "svc/web", ":80"))
        {
            Assert.Matches(ServedFromWeb(), await GetAsync(service.LocalPort, "/"));
        }
        using var deployment = await ForwardAsync(kubectl, "deploy/web", ":8080");
        Assert.Matches(ServedFromWeb(), await GetAsync(deployment.LocalPort, "/"));
    }

    [GeneratedRegex(@"Served from web-[a-z0-9]+-[a-z0-9]{5} ")]
    private static partial Regex ServedFromWeb();

    [GeneratedRegex(@"Forwarding from 127\.0\.0\.1:(\d+) -> \d+")]
    private static partial Regex ForwardingLine();

    /// <summary>Starts kubectl port-forward and waits for it to print the local port it listens on.</summary>
    private static async Task<RunningForward> ForwardAsync(KubectlRunner kubectl, string target, string ports, bool spdyOnly = false)
    {
        var environment = new Dictionary<string, string>();
        if (spdyOnly)
        {
            // kubectl's switch for the WebSocket tunnel; off, it upgrades to SPDY directly as kubectl 1.30 did.
            environment["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = "false";
        }
        var process = kubectl.Start(["port-forward", target, ports, "--address=127.0.0.1"], environment: environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var printed = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            printed.AppendLine(line);
            if (ForwardingLine().Match(line) is { Success: true } match)
            {
                return new RunningForward(process, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        throw new InvalidOperationException($"kubectl port-forward ended before listening:\n{printed}\n{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>One HTTP GET on a new connection to the forwarded port; the whole answer, or empty when the forward drops it.</summary>
    private static async Task<string> GetAsync(int port, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync(timeout.Token);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private sealed class RunningForward(Process process, int localPort) : IDisposable
    {
        public int LocalPort { get; } = localPort;

        public async Task<bool> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Ends kubectl and returns the rest of what it printed on stdout (or stderr).</summary>
        public async Task<string> StopAsync(bool stderr = false)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            await process.WaitForExitAsync();
            return await (stderr ? process.StandardError : process.StandardOutput).ReadToEndAsync();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.Dispose();
        }
    }
}
