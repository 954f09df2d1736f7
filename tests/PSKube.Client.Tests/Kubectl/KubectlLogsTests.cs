using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>The real kubectl against the simulated kubelet: logs and its options, wait, get, describe, delete.</summary>
public sealed class KubectlLogsTests
{
    private const string DuplicateContainers = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: duplicate-containers
        spec:
          containers:
          - name: one
            image: gcr.io/kuar-demo/kuard-amd64:1
          - name: two
            image: gcr.io/kuar-demo/kuard-amd64:1
        """;

    [KubectlFact]
    public async Task RunPing_WaitReady_ThenLogsTailAndSince()
    {
        // The cluster clock runs 10x faster: the image pull and the one-a-second pings pass quickly.
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 10);
        (await kubectl.RunAsync("run", "pingpong", "--image", "alpine", "--", "ping", "127.0.0.1")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/pingpong", "--timeout=30s")).Succeeded();
        await Task.Delay(500);

        var pods = (await kubectl.RunAsync("get", "pods")).Succeeded();
        Assert.StartsWith("pingpong 1/1 Running 0 ", pods.Lines[1]);

        var logs = (await kubectl.RunAsync("logs", "pingpong")).Succeeded();
        Assert.Equal("PING 127.0.0.1 (127.0.0.1): 56 data bytes", logs.Lines[0]);
        Assert.StartsWith("64 bytes from 127.0.0.1: seq=0 ttl=64 time=", logs.Lines[1]);

        var tail = (await kubectl.RunAsync("logs", "pingpong", "--tail", "1")).Succeeded();
        Assert.Single(tail.Lines);
        Assert.StartsWith("64 bytes from 127.0.0.1: seq=", tail.Lines[0]);

        await Task.Delay(1000);
        var all = (await kubectl.RunAsync("logs", "pingpong")).Succeeded();
        var since = (await kubectl.RunAsync("logs", "pingpong", "--since", "3s")).Succeeded();
        Assert.InRange(since.Lines.Count, 1, all.Lines.Count - 2);
        Assert.All(since.Lines, l => Assert.StartsWith("64 bytes from ", l));
    }

    [KubectlFact]
    public async Task LogsFollow_PrintsLinesAsTheyCome()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 10);
        (await kubectl.RunAsync("run", "pingpong", "--image", "alpine", "--", "ping", "127.0.0.1")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/pingpong", "--timeout=30s")).Succeeded();

        using var following = kubectl.Start(["logs", "-f", "pingpong", "--tail", "1"]);
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (lines.Count < 4 && await following.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
        }
        following.Kill(entireProcessTree: true);
        await following.WaitForExitAsync();

        Assert.Equal(4, lines.Count);
        var sequence = lines.Select(l => int.Parse(l.Split("seq=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(sequence[0], 4), sequence);
    }

    [KubectlFact]
    public async Task DuplicateContainers_TheSecondFailsWithAddressInUse()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 10);
        (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("duplicate-containers.yml", DuplicateContainers))).Succeeded();
        // Two restarts: the first is immediate, the second comes after a back-off (and its BackOff event).
        await WaitForAsync(kubectl, "duplicate-containers", pod =>
            pod["status"]?["containerStatuses"]?.AsArray().Any(s => (string?)s!["name"] == "two" && (int?)s["restartCount"] >= 2) == true);

        var two = (await kubectl.RunAsync("logs", "duplicate-containers", "-c", "two", "-p")).Succeeded();
        Assert.EndsWith(" Serving on HTTP on :8080", two.Lines[^2]);
        Assert.EndsWith(" listen tcp :8080: bind: address already in use", two.Lines[^1]);

        // Without -c kubectl picks the first container and says so.
        var defaulted = (await kubectl.RunAsync("logs", "duplicate-containers")).Succeeded();
        Assert.EndsWith(" Serving on HTTP on :8080", defaulted.Lines[^1]);
        Assert.Contains("Defaulted container \"one\" out of: one, two", defaulted.Stderr);

        var describe = (await kubectl.RunAsync("describe", "pod", "duplicate-containers")).Succeeded();
        Assert.Contains(describe.Lines, l => l.StartsWith("Normal Pulling ", StringComparison.Ordinal) && l.EndsWith("kubelet Pulling image \"gcr.io/kuar-demo/kuard-amd64:1\"", StringComparison.Ordinal));
        Assert.Contains(describe.Lines, l => l.StartsWith("Normal Started ", StringComparison.Ordinal) && l.EndsWith("kubelet Started container one", StringComparison.Ordinal));
        Assert.Contains(describe.Lines, l => l.StartsWith("Warning BackOff ", StringComparison.Ordinal) && l.Contains("kubelet Back-off restarting failed container two in pod duplicate-containers_default(", StringComparison.Ordinal));
        Assert.Contains(describe.Lines, l => l.StartsWith("Restart Count: ", StringComparison.Ordinal) && l != "Restart Count: 0");
    }

    [KubectlFact]
    public async Task DeletePod_IsQuick_WhenTheKubeletStopsTheContainer()
    {
        // Real time: a 30 s grace period would be felt, but kuard stops on SIGTERM.
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("run", "kuard", "--image", "gcr.io/kuar-demo/kuard-amd64:blue")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/kuard", "--timeout=30s")).Succeeded();

        var watch = Stopwatch.StartNew();
        Assert.Equal("pod \"kuard\" deleted", (await kubectl.RunAsync("delete", "pod", "kuard")).Succeeded().Stdout.Trim());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Contains("NotFound", (await kubectl.RunAsync("get", "pod", "kuard")).Stderr);
    }

    private static async Task WaitForAsync(KubectlRunner kubectl, string pod, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var current = JsonNode.Parse((await kubectl.RunAsync("get", "pod", pod, "-o", "json")).Succeeded().Stdout)!;
            if (condition(current))
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "pod never got there:\n" + current.ToJsonString());
            await Task.Delay(200);
        }
    }
}
