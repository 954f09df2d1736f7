using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Workloads;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The real kubectl driving the fake cluster's controllers: deployments, scaling, rollouts, jobs, cron jobs,
/// services and garbage collection. The test plays the kubelet by marking pods ready or finished.
/// </summary>
public sealed class KubectlWorkloadTests
{
    // Fast enough for 30 s grace periods and minute schedules, slow enough for ages to read sensibly.
    private const double TimeScale = 30;

    private static List<JsonObject> Objects(FakeClusterServer cluster, string plural) =>
        cluster.Store.List(BuiltInResources.Find(plural)!, "default", _ => true).Select(i => i.Object).ToList();

    private static List<string> ActivePodNames(FakeClusterServer cluster) =>
        Objects(cluster, "pods").Where(p => p["metadata"]?["deletionTimestamp"] is null).Select(p => (string)p["metadata"]!["name"]!).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(25);
        }
    }

    [KubectlFact]
    public async Task CreateDeployment_Scale_ReplaceAPod_Rollout_SetImage()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale, simulateKubelet: false);
        var cluster = kubectl.Cluster;
        (await kubectl.RunAsync("create", "deployment", "pingpong", "--image=jpetazzo/ping")).Succeeded();
        await WaitUntilAsync(() => ActivePodNames(cluster).Count == 1, "the first pod");

        var sets = (await kubectl.RunAsync("get", "rs", "-o", "name")).Succeeded().Lines;
        var set = Assert.Single(sets);
        Assert.Matches("^replicaset.apps/pingpong-[bcdf456789]+$", set);
        Assert.StartsWith(set["replicaset.apps/".Length..] + "-", Assert.Single(ActivePodNames(cluster)), StringComparison.Ordinal);

        (await kubectl.RunAsync("scale", "deployment", "pingpong", "--replicas", "3")).Succeeded();
        await WaitUntilAsync(() => ActivePodNames(cluster).Count == 3, "three pods");
        var pods = (await kubectl.RunAsync("get", "pods", "-l", "app=pingpong", "-o", "name")).Succeeded().Lines;
        Assert.Equal(3, pods.Count);

        var victim = ActivePodNames(cluster)[0];
        (await kubectl.RunAsync("delete", "pod", victim, "--wait=false")).Succeeded();
        await WaitUntilAsync(() => ActivePodNames(cluster).Count == 3 && !ActivePodNames(cluster).Contains(victim), "a replacement pod");

        using var kubelet = new CancellationTokenSource();
        var readiness = ControllerPodStatus.KeepReadyAsync(cluster, kubelet.Token);
        try
        {
            var rollout = (await kubectl.RunAsync(["rollout", "status", "deployment/pingpong", "--timeout=30s"], stdin: null)).Succeeded();
            Assert.Contains("deployment \"pingpong\" successfully rolled out", rollout.Stdout, StringComparison.Ordinal);
            (await kubectl.RunAsync("wait", "--for=condition=Available", "deployment/pingpong", "--timeout=20s")).Succeeded();
            var get = (await kubectl.RunAsync("get", "deployment", "pingpong")).Succeeded();
            Assert.StartsWith("pingpong 3/3 3 3 ", get.Lines[1], StringComparison.Ordinal);

            (await kubectl.RunAsync("set", "image", "deployment/pingpong", "ping=alpine")).Succeeded();
            (await kubectl.RunAsync(["rollout", "status", "deployment/pingpong", "--timeout=30s"], stdin: null)).Succeeded();
            Assert.Equal(2, (await kubectl.RunAsync("get", "rs", "-o", "name")).Succeeded().Lines.Count);
            var history = (await kubectl.RunAsync("rollout", "history", "deployment/pingpong")).Succeeded();
            Assert.Contains(history.Lines, l => l.StartsWith("2 ", StringComparison.Ordinal) || l == "2");
        }
        finally
        {
            await kubelet.CancelAsync();
            await readiness;
        }
        var describe = (await kubectl.RunAsync("describe", "deployment", "pingpong")).Succeeded();
        Assert.Contains("ScalingReplicaSet", describe.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task CreateJobWithCompletions_CompletesWhenItsPodsSucceed()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale, simulateKubelet: false);
        var cluster = kubectl.Cluster;
        const string job = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: flip
            spec:
              completions: 3
              parallelism: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: flip
                    image: busybox
                    command: ["sh", "-c", "exit 0"]
            """;
        (await kubectl.RunAsync(["create", "-f", "-"], job)).Succeeded();
        using var finished = new CancellationTokenSource();
        var kubelet = Task.Run(async () =>
        {
            while (!finished.IsCancellationRequested)
            {
                foreach (var pod in Objects(cluster, "pods").Where(p => (string?)p["status"]?["phase"] == "Pending"))
                {
                    ControllerPodStatus.Set(cluster, pod, "Succeeded", ready: false);
                }
                await Task.Delay(25);
            }
        });
        try
        {
            (await kubectl.RunAsync("wait", "--for=condition=complete", "job/flip", "--timeout=30s")).Succeeded();
        }
        finally
        {
            await finished.CancelAsync();
            await kubelet;
        }
        var get = (await kubectl.RunAsync("get", "job", "flip")).Succeeded();
        Assert.StartsWith("flip Complete 3/3 ", get.Lines[1], StringComparison.Ordinal);
        var pods = (await kubectl.RunAsync("get", "pods", "-l", "job-name=flip", "-o", "name")).Succeeded();
        Assert.Equal(3, pods.Lines.Count);
    }

    [KubectlFact]
    public async Task CreateCronJob_MakesAJobWhenTheScheduleComesRound()
    {
        // A real-time clock moved by hand: exactly one schedule comes round, however slow the machine is.
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 1, simulateKubelet: false);
        (await kubectl.RunAsync("create", "cronjob", "tick", "--image=busybox", "--schedule=* * * * *", "--", "date")).Succeeded();
        kubectl.Cluster.Clock.Advance(TimeSpan.FromSeconds(61));
        await WaitUntilAsync(() => Objects(kubectl.Cluster, "jobs").Count == 1, "a Job");

        var jobs = (await kubectl.RunAsync("get", "jobs", "-o", "name")).Succeeded();
        Assert.Matches("^job.batch/tick-[0-9]+$", Assert.Single(jobs.Lines));
        await WaitUntilAsync(() => Objects(kubectl.Cluster, "cronjobs")[0]["status"]?["lastScheduleTime"] is not null, "lastScheduleTime");
        var cronJobs = (await kubectl.RunAsync("get", "cronjobs")).Succeeded();
        // The clock also runs in real time: when the test spans a minute's end, the next schedule comes round too.
        Assert.Matches(@"^tick \* \* \* \* \* <none> False [12] ", cronJobs.Lines[1]);
    }

    [KubectlFact]
    public async Task ExposeDeployment_GivesAClusterIpAndEndpoints()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale, simulateKubelet: false);
        var cluster = kubectl.Cluster;
        (await kubectl.RunAsync("create", "deployment", "elastic", "--image=elasticsearch:8.15.0")).Succeeded();
        (await kubectl.RunAsync("expose", "deploy/elastic", "--port", "9200")).Succeeded();

        var service = (await kubectl.RunAsync("get", "service", "elastic")).Succeeded();
        Assert.Matches(@"^elastic ClusterIP 10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+ <none> 9200/TCP ", service.Lines[1]);

        await WaitUntilAsync(() => ActivePodNames(cluster).Count == 1, "the pod");
        using var kubelet = new CancellationTokenSource();
        var readiness = ControllerPodStatus.KeepReadyAsync(cluster, kubelet.Token);
        try
        {
            await WaitUntilAsync(() => Objects(cluster, "endpoints").Any(e => e["subsets"]?[0]?["addresses"] is not null), "a ready address");
        }
        finally
        {
            await kubelet.CancelAsync();
            await readiness;
        }
        var podIp = (string?)Objects(cluster, "pods")[0]["status"]!["podIP"];
        var endpoints = (await kubectl.RunAsync("get", "endpoints", "elastic")).Succeeded();
        Assert.StartsWith($"elastic {podIp}:9200 ", endpoints.Lines[1], StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task DeleteDeployment_TakesItsReplicaSetAndPodsAlong()
    {
        await using var kubectl = await KubectlRunner.StartAsync(TimeScale, simulateKubelet: false);
        var cluster = kubectl.Cluster;
        (await kubectl.RunAsync("create", "deployment", "doomed", "--image=nginx", "--replicas=2")).Succeeded();
        await WaitUntilAsync(() => ActivePodNames(cluster).Count == 2, "two pods");

        (await kubectl.RunAsync("delete", "deployment", "doomed")).Succeeded();
        await WaitUntilAsync(() => Objects(cluster, "replicasets").Count == 0 && Objects(cluster, "pods").Count == 0, "the ReplicaSet and pods to go");
        var rs = await kubectl.RunAsync("get", "rs");
        Assert.Contains("No resources found", rs.Stderr, StringComparison.Ordinal);
    }
}
