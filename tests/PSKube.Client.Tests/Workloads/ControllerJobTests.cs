using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The Job controller: completions and parallelism, retries and backoffLimit, deadlines, pod identity.</summary>
public sealed class ControllerJobTests
{
    private const string Jobs = "/apis/batch/v1/namespaces/default/jobs";

    private static string Job(string name, string extraSpec) => """
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"NAME"},
         "spec":{EXTRA"template":{"spec":{"restartPolicy":"Never","terminationGracePeriodSeconds":1,"containers":[{"name":"work","image":"busybox"}]}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("EXTRA", extraSpec, StringComparison.Ordinal);

    private static JsonObject? Condition(JsonObject job, string type) =>
        (job["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);

    [Fact]
    public async Task CompletionsThreeParallelismTwo_CompletesQuickly_NeverRunningMoreThanTwo()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Jobs, Job("batch", "\"completions\":3,\"parallelism\":2,"));

        var mostActive = 0;
        await cluster.WaitUntilAsync(() =>
        {
            var active = cluster.ActivePods();
            mostActive = Math.Max(mostActive, active.Count);
            foreach (var pod in active)
            {
                cluster.MarkSucceeded(pod);
            }
            return Condition(cluster.Get("jobs", "batch")!, "Complete") is not null;
        }, "the Job to complete");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.InRange(mostActive, 1, 2);
        var job = cluster.Get("jobs", "batch")!;
        Assert.Equal(3, (long?)job["status"]!["succeeded"]);
        Assert.Null(job["status"]!["active"]);
        Assert.NotNull(job["status"]!["completionTime"]);
        Assert.NotNull(job["status"]!["startTime"]);
        Assert.Equal("CompletionsReached", (string?)Condition(job, "SuccessCriteriaMet")?["reason"]);
        Assert.Equal("Reached expected number of succeeded pods", (string?)Condition(job, "Complete")?["message"]);
        Assert.Equal(3, cluster.Pods().Count);
        Assert.All(cluster.Pods(), p => Assert.Null(p["metadata"]!["finalizers"]));
        var reasons = cluster.EventReasons("batch");
        Assert.Equal(3, cluster.List("events", e => (string?)e["reason"] == "SuccessfulCreate" && (string?)e["involvedObject"]?["name"] == "batch").Count);
        Assert.Contains("Completed", reasons);
    }

    [Fact]
    public async Task Pods_CarryTheJobLabels_OwnerAndTrackingFinalizer()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var job = await cluster.CreateAsync(Jobs, Job("labelled", ""));
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 1, "a pod");
        var pod = cluster.Pods()[0];
        var uid = (string)job["metadata"]!["uid"]!;
        Assert.Matches("^labelled-[bcdfghjklmnpqrstvwxz2456789]{5}$", (string)pod["metadata"]!["name"]!);
        var labels = pod["metadata"]!["labels"]!;
        Assert.Equal("labelled", (string?)labels["job-name"]);
        Assert.Equal("labelled", (string?)labels["batch.kubernetes.io/job-name"]);
        Assert.Equal(uid, (string?)labels["controller-uid"]);
        Assert.Equal(uid, (string?)labels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal(uid, (string?)pod["metadata"]!["ownerReferences"]![0]!["uid"]);
        Assert.Equal("batch.kubernetes.io/job-tracking", (string?)pod["metadata"]!["finalizers"]![0]);
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("jobs", "labelled")!["status"]?["active"] == 1, "status.active 1");
        Assert.Equal(0, (long?)cluster.Get("jobs", "labelled")!["status"]!["ready"]);
    }

    [Fact]
    public async Task FailedPods_AreRetried_UntilTheBackoffLimit()
    {
        await using var cluster = await ControllerTestCluster.StartAsync(timeScale: 100);
        await cluster.CreateAsync(Jobs, Job("flaky", "\"backoffLimit\":1,"));
        await cluster.WaitUntilAsync(() =>
        {
            foreach (var pod in cluster.ActivePods())
            {
                cluster.MarkFailed(pod);
            }
            return Condition(cluster.Get("jobs", "flaky")!, "Failed") is not null;
        }, "the Job to fail");

        var job = cluster.Get("jobs", "flaky")!;
        Assert.Equal(2, (long?)job["status"]!["failed"]);
        Assert.Equal(2, cluster.Pods().Count);
        Assert.Equal("BackoffLimitExceeded", (string?)Condition(job, "Failed")?["reason"]);
        Assert.Equal("Job has reached the specified backoff limit", (string?)Condition(job, "Failed")?["message"]);
        Assert.Equal("True", (string?)Condition(job, "FailureTarget")?["status"]);
        Assert.Contains("BackoffLimitExceeded", cluster.EventReasons("flaky"));
    }

    [Fact]
    public async Task ActiveDeadline_FailsTheJobAndStopsItsPods()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Jobs, Job("slow", "\"activeDeadlineSeconds\":3,"));
        await cluster.WaitUntilAsync(() => Condition(cluster.Get("jobs", "slow")!, "Failed") is not null, "the deadline to pass");
        var job = cluster.Get("jobs", "slow")!;
        Assert.Equal("DeadlineExceeded", (string?)Condition(job, "Failed")?["reason"]);
        Assert.Equal("Job was active longer than specified deadline", (string?)Condition(job, "Failed")?["message"]);
        Assert.Empty(cluster.ActivePods());
    }

    [Fact]
    public async Task WithoutCompletions_OneSuccessEndsTheJob()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(Jobs, Job("queue", "\"parallelism\":2,"));
        // This fake defaults completions to 1 on create; a work queue Job has none.
        Assert.Equal(200, (await cluster.PatchAsync($"{Jobs}/queue", """{"spec":{"completions":null}}""")).Code);
        await cluster.WaitUntilAsync(() => cluster.ActivePods().Count == 2, "two workers");
        cluster.MarkSucceeded(cluster.ActivePods()[0]);
        await cluster.WaitUntilAsync(() => (long?)cluster.Get("jobs", "queue")!["status"]?["succeeded"] == 1, "one success counted");
        Assert.Single(cluster.ActivePods());
        Assert.Null(Condition(cluster.Get("jobs", "queue")!, "Complete"));
        cluster.MarkSucceeded(cluster.ActivePods()[0]);
        await cluster.WaitUntilAsync(() => Condition(cluster.Get("jobs", "queue")!, "Complete") is not null, "the Job to complete");
    }
}
