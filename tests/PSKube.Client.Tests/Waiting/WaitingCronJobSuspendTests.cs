using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Waiting;

public sealed class WaitingCronJobSuspendTests
{
    private static readonly ResourceDefinition CronJobs = BuiltInResources.Find("cronjobs")!;

    [Fact]
    public async Task Waiting_SuspendAndResumeChangeOnlySpecSuspend()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { RandomSeed = 7, SimulateKubelet = false });
        var client = FakeClusterClient.For(cluster);
        var created = await client.CreateAsync(CronJobs, KubeJson.Deserialize<CronJob>("""
            {"metadata":{"name":"every3mins","labels":{"team":"ops"}},
             "spec":{"schedule":"*/3 * * * *","successfulJobsHistoryLimit":5,"concurrencyPolicy":"Forbid",
                     "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure",
                                   "containers":[{"name":"every3mins","image":"alpine","command":["sleep","10"]}]}}}}}}
            """)!, null, CancellationToken.None);
        Assert.False(created.Spec?.Suspend);

        var dry = await client.SetCronJobSuspendedAsync("default", "every3mins", true, new WriteOptions { DryRun = true }, CancellationToken.None);
        Assert.True(dry.Spec?.Suspend);
        Assert.False((await client.GetAsync<CronJob>(CronJobs, "default", "every3mins", CancellationToken.None)).Spec?.Suspend);

        var suspended = await client.SetCronJobSuspendedAsync("default", "every3mins", true, null, CancellationToken.None);
        Assert.True(suspended.Spec?.Suspend);
        Assert.Equal("*/3 * * * *", suspended.Spec?.Schedule);
        Assert.Equal(5, suspended.Spec?.SuccessfulJobsHistoryLimit);
        Assert.Equal("Forbid", suspended.Spec?.ConcurrencyPolicy);
        Assert.Equal("ops", suspended.Metadata?.Labels?["team"]);
        var container = suspended.Spec?.JobTemplate?.Spec?.Template?.Spec?.Containers?.Single();
        Assert.Equal(("alpine", "sleep"), (container?.Image, container?.Command?[0]));

        var resumed = await client.SetCronJobSuspendedAsync("default", "every3mins", false, null, CancellationToken.None);
        Assert.False(resumed.Spec?.Suspend);
        Assert.Equal("*/3 * * * *", resumed.Spec?.Schedule);
    }
}
