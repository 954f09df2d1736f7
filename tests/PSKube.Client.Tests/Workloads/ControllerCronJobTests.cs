using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The CronJob controller on the cluster clock: Jobs by schedule, concurrency policies, history, status.</summary>
public sealed class ControllerCronJobTests
{
    private const string CronJobs = "/apis/batch/v1/namespaces/default/cronjobs";

    private static string CronJob(string name, string extraSpec = "") => """
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"NAME"},
         "spec":{EXTRA"schedule":"* * * * *",
                 "jobTemplate":{"metadata":{"labels":{"team":"ops"},"annotations":{"note":"nightly"}},
                                "spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"tick","image":"busybox"}]}}}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("EXTRA", extraSpec, StringComparison.Ordinal);

    private static bool IsComplete(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray)?.Any(c => (string?)c?["type"] == "Complete") == true;

    /// <summary>Moves the clock to the next minute boundary (plus a little), where "* * * * *" fires.</summary>
    private static void NextMinute(ControllerTestCluster cluster)
    {
        var now = cluster.Server.Clock.Now;
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(1);
        cluster.Server.Clock.Advance(next - now);
    }

    private static void FinishJobs(ControllerTestCluster cluster)
    {
        foreach (var pod in cluster.ActivePods())
        {
            cluster.MarkSucceeded(pod);
        }
    }

    [Fact]
    public async Task CreatesAJobNamedByTheScheduledMinute_FromTheTemplate()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        var cronJob = await cluster.CreateAsync(CronJobs, CronJob("tick"));
        NextMinute(cluster);
        await cluster.WaitUntilAsync(() => cluster.List("jobs").Count == 1, "a Job");

        var job = cluster.List("jobs")[0];
        var name = (string)job["metadata"]!["name"]!;
        var scheduled = DateTimeOffset.FromUnixTimeSeconds(long.Parse(name["tick-".Length..], System.Globalization.CultureInfo.InvariantCulture) * 60);
        Assert.Equal(0, scheduled.Second);
        Assert.Equal(scheduled.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            (string?)job["metadata"]!["annotations"]!["batch.kubernetes.io/cronjob-scheduled-timestamp"]);
        Assert.Equal("nightly", (string?)job["metadata"]!["annotations"]!["note"]);
        Assert.Equal("ops", (string?)job["metadata"]!["labels"]!["team"]);
        Assert.Equal((string?)cronJob["metadata"]!["uid"], (string?)job["metadata"]!["ownerReferences"]![0]!["uid"]);
        Assert.Equal(true, (bool?)job["metadata"]!["ownerReferences"]![0]!["controller"]);

        await cluster.WaitUntilAsync(() => cluster.Get("cronjobs", "tick")!["status"]?["active"] is JsonArray { Count: 1 }, "status.active");
        var status = cluster.Get("cronjobs", "tick")!["status"]!;
        Assert.Equal(name, (string?)status["active"]![0]!["name"]);
        Assert.NotNull(status["lastScheduleTime"]);
        Assert.Contains("SuccessfulCreate", cluster.EventReasons("tick"));

        await cluster.WaitUntilAsync(() =>
        {
            FinishJobs(cluster);
            return cluster.Get("cronjobs", "tick")!["status"]?["lastSuccessfulTime"] is not null;
        }, "lastSuccessfulTime");
        Assert.Null(cluster.Get("cronjobs", "tick")!["status"]!["active"]);
        Assert.Contains(cluster.List("events"), e => (string?)e["message"] == $"Saw completed job: {name}, status: Complete");
    }

    [Fact]
    public async Task Forbid_SkipsARunWhileOneIsActive_ReplaceSwapsIt()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(CronJobs, CronJob("forbid", "\"concurrencyPolicy\":\"Forbid\","));
        await cluster.CreateAsync(CronJobs, CronJob("replace", "\"concurrencyPolicy\":\"Replace\","));
        NextMinute(cluster);
        await cluster.WaitUntilAsync(() => cluster.List("jobs").Count == 2, "a Job each");
        var firstReplace = (string)cluster.List("jobs").Single(j => ((string)j["metadata"]!["name"]!).StartsWith("replace-", StringComparison.Ordinal))["metadata"]!["name"]!;

        NextMinute(cluster);
        await cluster.WaitUntilAsync(() => cluster.EventReasons("forbid").Contains("JobAlreadyActive"), "the Forbid CronJob to skip");
        await cluster.WaitUntilAsync(() => cluster.Get("jobs", firstReplace) is null &&
                                           cluster.List("jobs").Count(j => ((string)j["metadata"]!["name"]!).StartsWith("replace-", StringComparison.Ordinal)) == 1,
            "the Replace CronJob to swap its Job");
        Assert.Single(cluster.List("jobs"), j => ((string)j["metadata"]!["name"]!).StartsWith("forbid-", StringComparison.Ordinal));
        Assert.Contains("SuccessfulDelete", cluster.EventReasons("replace"));
    }

    [Fact]
    public async Task SuccessfulJobsHistoryLimit_DeletesOlderFinishedJobs()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(CronJobs, CronJob("history", "\"successfulJobsHistoryLimit\":1,"));
        for (var run = 1; run <= 2; run++)
        {
            NextMinute(cluster);
            var expected = run;
            await cluster.WaitUntilAsync(() => cluster.EventReasons("history").Count(r => r == "SuccessfulCreate") == expected, $"run {run}");
            await cluster.WaitUntilAsync(() =>
            {
                FinishJobs(cluster);
                return cluster.List("jobs").Where(j => j["metadata"]!["deletionTimestamp"] is null).All(IsComplete);
            }, $"run {run} to complete");
        }
        await cluster.WaitUntilAsync(() => cluster.List("jobs").Count == 1, "one Job kept");
        Assert.Contains("SawCompletedJob", cluster.EventReasons("history"));
    }

    [Fact]
    public async Task Suspended_CreatesNothing()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(CronJobs, CronJob("paused", "\"suspend\":true,"));
        NextMinute(cluster);
        await Task.Delay(300);
        cluster.Server.Controllers.RunOnce();
        Assert.Empty(cluster.List("jobs"));
    }

    [Fact]
    public async Task StartingDeadline_MissedRunsAreNotStarted()
    {
        await using var cluster = await ControllerTestCluster.StartAsync();
        await cluster.CreateAsync(CronJobs, CronJob("late", "\"startingDeadlineSeconds\":10,\"suspend\":true,"));
        NextMinute(cluster);
        cluster.Server.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(200, (await cluster.PatchAsync($"{CronJobs}/late", """{"spec":{"suspend":false}}""")).Code);
        await Task.Delay(300);
        cluster.Server.Controllers.RunOnce();
        Assert.Empty(cluster.List("jobs"));
    }
}
