using System.Diagnostics;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The first-containers workshop end to end with the real kubectl, the controllers and the simulated kubelet
/// together (nothing played by the test): deployments that log, scaling, jobs that retry, parallel jobs.
/// </summary>
public sealed class KubectlSeedTests
{
    [KubectlFact]
    public async Task Deployment_LogsScaleAndLogsOfEveryPod()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 20);
        (await kubectl.RunAsync("create", "deployment", "pingpong", "--image=jpetazzo/ping")).Succeeded();
        (await kubectl.RunAsync(["rollout", "status", "deployment/pingpong", "--timeout=60s"], stdin: null)).Succeeded();

        var one = await EventuallyAsync(async () => await kubectl.RunAsync("logs", "deploy/pingpong", "--tail", "1"),
            r => r.ExitCode == 0 && r.Lines.Count == 1 && r.Lines[0].StartsWith("64 bytes from", StringComparison.Ordinal));
        Assert.Matches(@"^64 bytes from 127\.0\.0\.1: seq=\d+ ttl=64 time=", one.Lines[0]);

        (await kubectl.RunAsync("scale", "deploy/pingpong", "--replicas", "3")).Succeeded();
        await EventuallyAsync(async () => await kubectl.RunAsync("get", "pods", "-l", "app=pingpong", "--no-headers"),
            r => r.Lines.Count(l => l.Contains(" 1/1 Running ", StringComparison.Ordinal)) == 3);

        var three = await EventuallyAsync(async () => await kubectl.RunAsync("logs", "-l", "app=pingpong", "--tail", "1"),
            r => r.ExitCode == 0 && r.Lines.Count(l => l.StartsWith("64 bytes from", StringComparison.Ordinal)) == 3);
        Assert.Equal(3, three.Lines.Count);
    }

    [KubectlFact]
    public async Task Job_FlipCoin_RetriesUntilItSucceeds()
    {
        // Unseeded, seven failed flips in a row (1 run in 128) exhaust the default backoffLimit of 6 and the job fails.
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30, randomSeed: 7);
        (await kubectl.RunAsync("create", "job", "flipcoin", "--image=alpine", "--", "sh", "-c", "exit $(($RANDOM%2))")).Succeeded();
        (await kubectl.RunAsync(["wait", "--for=condition=complete", "job/flipcoin", "--timeout=60s"], stdin: null)).Succeeded();

        var pods = (await kubectl.RunAsync("get", "pods", "--selector=job-name=flipcoin", "--no-headers")).Succeeded();
        Assert.NotEmpty(pods.Lines);
        Assert.All(pods.Lines, line => Assert.StartsWith("flipcoin-", line));
        Assert.Contains(pods.Lines, line => line.Contains(" Completed ", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task Job_ThreeCompletionsTwoInParallel_CompletesInUnderTenSeconds()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        var manifest = kubectl.WriteFile("render.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: render
            spec:
              completions: 3
              parallelism: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: render
                    image: alpine
                    command: ["sleep", "3"]
            """);
        var watch = Stopwatch.StartNew();
        (await kubectl.RunAsync("create", "-f", manifest)).Succeeded();
        (await kubectl.RunAsync(["wait", "--for=condition=complete", "job/render", "--timeout=60s"], stdin: null)).Succeeded();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the job took {watch.Elapsed}");
        var status = (await kubectl.RunAsync("get", "job", "render", "-o", "jsonpath={.status.succeeded}")).Succeeded();
        Assert.Equal("3", status.Stdout);
    }

    private static async Task<KubectlResult> EventuallyAsync(Func<Task<KubectlResult>> run, Func<KubectlResult, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await run();
            if (done(result))
            {
                return result;
            }
            Assert.True(DateTime.UtcNow < deadline, $"still not there:\n{result.Stdout}\n{result.Stderr}");
            await Task.Delay(200);
        }
    }
}
