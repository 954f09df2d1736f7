namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The real kubectl against the fake's simulated containers: sh -c scripts as main processes (a Job that
/// completes), exec into their file system, kubectl cp both ways (tar over exec), and kubectl top from metrics.k8s.io.
/// </summary>
public sealed class KubectlShellTests
{
    private const double TimeScale = 20;

    private static async Task WaitReadyAsync(KubectlRunner kubectl, string pod) =>
        (await kubectl.RunAsync("wait", "--for=condition=Ready", $"pod/{pod}", "--timeout=60s")).Succeeded();

    [KubectlFact]
    public async Task Job_ShEchoDone_CompletesWithItsOutputInTheLog()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale);
        (await kubectl.RunAsync("create", "job", "once", "--image=busybox", "--", "sh", "-c", "echo done")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=complete", "job/once", "--timeout=60s")).Succeeded();

        Assert.Equal("done\n", (await kubectl.RunAsync("logs", "job/once")).Succeeded().Stdout);
        Assert.Contains("Completed", (await kubectl.RunAsync("get", "pods", "-l", "job-name=once")).Succeeded().Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Job_FailingScript_FailsTheJob()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale);
        var manifest = kubectl.WriteFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: broken
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: broken
                    image: busybox
                    command: ["sh", "-c", "echo trying; exit 3"]
            """);
        (await kubectl.RunAsync("apply", "-f", manifest)).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=failed", "job/broken", "--timeout=60s")).Succeeded();
        Assert.Equal("trying\n", (await kubectl.RunAsync("logs", "job/broken")).Succeeded().Stdout);
    }

    [KubectlFact]
    public async Task Exec_SeesTheFilesTheMainProcessWrote_AndRunsScripts()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale);
        (await kubectl.RunAsync("run", "box", "--image=alpine", "--", "sh", "-c", "echo started; echo hello > /tmp/greeting; while true; do sleep 5; done")).Succeeded();
        await WaitReadyAsync(kubectl, "box");

        Assert.Equal("hello\n", (await kubectl.RunAsync("exec", "box", "--", "cat", "/tmp/greeting")).Succeeded().Stdout);
        var script = (await kubectl.RunAsync("exec", "box", "--", "sh", "-c", "for i in 1 2 3; do echo $((i * i)); done > /tmp/squares; cat /tmp/squares")).Succeeded();
        Assert.Equal("1\n4\n9\n", script.Stdout);
        Assert.Equal("started\n", (await kubectl.RunAsync("logs", "box")).Succeeded().Stdout);
        var missing = await kubectl.RunAsync("exec", "box", "--", "sh", "-c", "nope");
        Assert.Equal(127, missing.ExitCode);
        Assert.Contains("sh: nope: not found", missing.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Cp_CopiesAFolderIntoThePodAndBack()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale);
        (await kubectl.RunAsync("run", "box", "--image=alpine", "--", "sleep", "3600")).Succeeded();
        await WaitReadyAsync(kubectl, "box");
        var local = Directory.CreateTempSubdirectory("pskube-cp-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(local, "up", "sub"));
            await File.WriteAllTextAsync(Path.Combine(local, "up", "a.txt"), "first\n");
            await File.WriteAllTextAsync(Path.Combine(local, "up", "sub", "b.txt"), "second\n");

            // kubectl 1.32 runs `test -d /tmp/up`, then `tar -xmf - -C /tmp` with the archive on stdin.
            (await kubectl.RunAsync("cp", Path.Combine(local, "up"), "box:/tmp/up")).Succeeded();
            Assert.Equal("second\n", (await kubectl.RunAsync("exec", "box", "--", "cat", "/tmp/up/sub/b.txt")).Succeeded().Stdout);

            // From the pod it runs `tar cf - /tmp/up` and unpacks stdout.
            (await kubectl.RunAsync("exec", "box", "--", "sh", "-c", "echo made-inside > /tmp/up/c.txt")).Succeeded();
            (await kubectl.RunAsync("cp", "box:/tmp/up", Path.Combine(local, "down"))).Succeeded();
            Assert.Equal("first\n", await File.ReadAllTextAsync(Path.Combine(local, "down", "a.txt")));
            Assert.Equal("second\n", await File.ReadAllTextAsync(Path.Combine(local, "down", "sub", "b.txt")));
            Assert.Equal("made-inside\n", await File.ReadAllTextAsync(Path.Combine(local, "down", "c.txt")));

            (await kubectl.RunAsync("cp", "box:/tmp/up/c.txt", Path.Combine(local, "single.txt"))).Succeeded();
            Assert.Equal("made-inside\n", await File.ReadAllTextAsync(Path.Combine(local, "single.txt")));
        }
        finally
        {
            Directory.Delete(local, recursive: true);
        }
    }

    [KubectlFact]
    public async Task Top_ShowsNodesAndPods_ABusyLoopAboveASleeper()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale);
        (await kubectl.RunAsync("run", "busy", "--image=alpine", "--labels=app=busy", "--", "sh", "-c", "while true; do :; done")).Succeeded();
        (await kubectl.RunAsync("run", "idle", "--image=alpine", "--labels=app=idle", "--", "sh", "-c", "while true; do sleep 1; done")).Succeeded();
        await WaitReadyAsync(kubectl, "busy");
        await WaitReadyAsync(kubectl, "idle");

        var nodes = (await kubectl.RunAsync("top", "nodes")).Succeeded().Lines;
        Assert.Equal("NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)", nodes[0]);
        Assert.Matches(@"^fake-node-1 10\d\dm 2\d% \d+Mi \d+%$", nodes[1]);

        Assert.Equal(["NAME CPU(cores) MEMORY(bytes)", "busy 1000m 0Mi", "idle 1m 0Mi"], (await kubectl.RunAsync("top", "pods", "--sort-by=cpu")).Succeeded().Lines);
        Assert.Equal(["POD NAME CPU(cores) MEMORY(bytes)", "busy busy 1000m 0Mi"], (await kubectl.RunAsync("top", "pods", "-l", "app=busy", "--containers")).Succeeded().Lines);
        Assert.Contains("default idle 1m 0Mi", (await kubectl.RunAsync("top", "pods", "-A")).Succeeded().Lines);
        var missing = await kubectl.RunAsync("top", "pod", "nope");
        Assert.Contains("podmetrics.metrics.k8s.io \"nope\" not found", missing.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Top_WithoutMetricsServer_SaysTheMetricsApiIsNotAvailable()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale, serveMetrics: false);
        var result = await kubectl.RunAsync("top", "nodes");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Metrics API not available", result.Stderr, StringComparison.Ordinal);
    }
}
