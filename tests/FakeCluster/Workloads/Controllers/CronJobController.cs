using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Scheduling;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The CronJob controller on the cluster clock: at the most recent unmet schedule time (within
/// startingDeadlineSeconds) it creates the Job NAME-&lt;minutes since the epoch&gt; from the jobTemplate, honouring
/// suspend and concurrencyPolicy; it tracks status.active, lastScheduleTime and lastSuccessfulTime, and deletes
/// finished Jobs beyond the history limits.
/// </summary>
public sealed class CronJobController : IPassController
{
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";
    private const string Component = "cronjob-controller";

    // Warnings about a lasting problem (bad schedule, missed start) are recorded once, not on every pass.
    private readonly HashSet<string> _warned = [];

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var cronJob in client.List("cronjobs"))
        {
            Sync(client, cronJob);
        }
    }

    private void Sync(ControllerClient client, JsonObject cronJob)
    {
        var now = client.Now;
        var spec = cronJob["spec"] as JsonObject ?? [];
        var status = cronJob["status"]?.DeepClone() as JsonObject ?? [];
        var jobs = client.List("jobs", ObjectFields.Namespace(cronJob), j => ObjectFields.IsControlledBy(j, cronJob));
        var active = (status["active"] as JsonArray)?.OfType<JsonObject>().Select(r => r.DeepClone().AsObject()).ToList() ?? [];

        foreach (var job in jobs)
        {
            var finishedAs = FinishedAs(job);
            if (finishedAs is null)
            {
                continue;
            }
            if (active.RemoveAll(r => (string?)r["uid"] == ObjectFields.Uid(job)) > 0)
            {
                client.Event(cronJob, "SawCompletedJob", $"Saw completed job: {ObjectFields.Name(job)}, status: {finishedAs}", Component);
            }
            if (finishedAs == "Complete" && KubeTime.Parse((string?)job["status"]?["completionTime"]) is { } completed &&
                (KubeTime.Parse((string?)status["lastSuccessfulTime"]) is not { } last || completed > last))
            {
                status["lastSuccessfulTime"] = KubeTime.Format(completed);
            }
        }
        foreach (var missing in active.Where(r => jobs.All(j => ObjectFields.Uid(j) != (string?)r["uid"])).ToList())
        {
            client.Event(cronJob, "MissingJob", $"Active job went missing: {(string?)missing["name"]}", Component);
            active.Remove(missing);
        }

        if (!ObjectFields.IsDeleting(cronJob) && !ObjectFields.IsTrue(spec["suspend"]))
        {
            Schedule(client, cronJob, status, active);
            CleanUpHistory(client, cronJob, jobs, "Complete", ObjectFields.Long(spec["successfulJobsHistoryLimit"], 3));
            CleanUpHistory(client, cronJob, jobs, "Failed", ObjectFields.Long(spec["failedJobsHistoryLimit"], 1));
        }

        if (active.Count > 0)
        {
            status["active"] = new JsonArray(active.Select(r => (JsonNode)r).ToArray());
        }
        else
        {
            status.Remove("active");
        }
        client.UpdateStatus("cronjobs", cronJob, status);
    }

    private void Schedule(ControllerClient client, JsonObject cronJob, JsonObject status, List<JsonObject> active)
    {
        var now = client.Now;
        var spec = cronJob["spec"]!.AsObject();
        var uid = ObjectFields.Uid(cronJob);
        TimeZoneInfo zone;
        try
        {
            zone = (string?)spec["timeZone"] is { } zoneName ? TimeZoneInfo.FindSystemTimeZoneById(zoneName) : TimeZoneInfo.Utc;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            WarnOnce(client, cronJob, "UnknownTimeZone", $"invalid timeZone: \"{(string?)spec["timeZone"]}\": unknown time zone {(string?)spec["timeZone"]}");
            return;
        }
        CronSchedule schedule;
        try
        {
            schedule = CronSchedule.Parse((string?)spec["schedule"] ?? "");
        }
        catch (CronScheduleException e)
        {
            WarnOnce(client, cronJob, "UnparseableSchedule", $"unparseable schedule: \"{(string?)spec["schedule"]}\" : {e.Message}");
            return;
        }
        if (schedule.Next(now, zone) is { } upcoming)
        {
            client.WakeAt(upcoming);
        }
        var earliest = KubeTime.Parse((string?)status["lastScheduleTime"]) ?? ObjectFields.Created(cronJob);
        if (spec["startingDeadlineSeconds"] is { } deadlineNode && now.AddSeconds(-ObjectFields.Long(deadlineNode)) > earliest)
        {
            earliest = now.AddSeconds(-ObjectFields.Long(deadlineNode));
        }
        if (MostRecent(schedule, zone, earliest, now) is not { } scheduled)
        {
            return;
        }
        if (spec["startingDeadlineSeconds"] is { } startingDeadline && scheduled.AddSeconds(ObjectFields.Long(startingDeadline)) < now)
        {
            WarnOnce(client, cronJob, "MissSchedule", $"Missed scheduled time to start a job: {scheduled.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}");
            return;
        }
        var jobName = $"{ObjectFields.Name(cronJob)}-{scheduled.ToUnixTimeSeconds() / 60}";
        if (active.Any(r => (string?)r["name"] == jobName) || KubeTime.Parse((string?)status["lastScheduleTime"]) == scheduled)
        {
            return;
        }
        var policy = (string?)spec["concurrencyPolicy"] ?? "Allow";
        if (policy == "Forbid" && active.Count > 0)
        {
            WarnOnce(client, cronJob, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", "Normal", jobName);
            return;
        }
        if (policy == "Replace")
        {
            foreach (var reference in active.ToList())
            {
                if (client.Get("jobs", ObjectFields.Namespace(cronJob), (string?)reference["name"] ?? "") is { } running)
                {
                    client.Delete("jobs", running);
                    client.Event(cronJob, "SuccessfulDelete", $"Deleted job {ObjectFields.Name(running)}", Component);
                }
                active.Remove(reference);
            }
        }
        var created = client.Create("jobs", NewJob(cronJob, jobName, scheduled, zone));
        if (created is null)
        {
            return;
        }
        _warned.RemoveWhere(w => w.StartsWith(uid, StringComparison.Ordinal));
        client.Event(cronJob, "SuccessfulCreate", $"Created job {jobName}", Component);
        active.Add(new JsonObject
        {
            ["kind"] = "Job",
            ["namespace"] = ObjectFields.Namespace(created),
            ["name"] = jobName,
            ["uid"] = ObjectFields.Uid(created),
            ["apiVersion"] = "batch/v1",
            ["resourceVersion"] = (string?)created["metadata"]!["resourceVersion"],
        });
        status["lastScheduleTime"] = KubeTime.Format(scheduled);
    }

    /// <summary>
    /// The latest schedule time in (earliest, now]. Searching from the recent past first keeps a clock that jumped
    /// far ahead cheap; the answer is the same as searching from <paramref name="earliest"/>.
    /// </summary>
    private static DateTimeOffset? MostRecent(CronSchedule schedule, TimeZoneInfo zone, DateTimeOffset earliest, DateTimeOffset now)
    {
        foreach (var window in new[] { TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(366 * 5) })
        {
            var from = now - window > earliest ? now - window : earliest;
            DateTimeOffset? latest = null;
            for (var next = schedule.Next(from, zone); next is { } t && t <= now; next = schedule.Next(t, zone))
            {
                latest = t;
            }
            if (latest is not null || from == earliest)
            {
                return latest;
            }
        }
        return null;
    }

    private static JsonObject NewJob(JsonObject cronJob, string name, DateTimeOffset scheduled, TimeZoneInfo zone)
    {
        var template = cronJob["spec"]?["jobTemplate"] as JsonObject ?? [];
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ObjectFields.Namespace(cronJob),
            ["labels"] = template["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
            ["annotations"] = template["metadata"]?["annotations"]?.DeepClone() ?? new JsonObject(),
            ["ownerReferences"] = new JsonArray(ObjectFields.OwnerReference(cronJob)),
        };
        var local = TimeZoneInfo.ConvertTime(scheduled, zone);
        var offset = local.Offset == TimeSpan.Zero ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        metadata["annotations"]![ScheduledTimestampAnnotation] = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset;
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    private static string? FinishedAs(JsonObject job)
    {
        var status = job["status"] as JsonObject ?? [];
        return StatusConditions.IsTrue(status, "Complete") ? "Complete" : StatusConditions.IsTrue(status, "Failed") ? "Failed" : null;
    }

    private static void CleanUpHistory(ControllerClient client, JsonObject cronJob, List<JsonObject> jobs, string outcome, long limit)
    {
        var finished = jobs.Where(j => FinishedAs(j) == outcome && !ObjectFields.IsDeleting(j))
            .OrderBy(j => KubeTime.Parse((string?)j["status"]?["startTime"]) ?? ObjectFields.Created(j))
            .ToList();
        foreach (var job in finished.Take(Math.Max(0, finished.Count - (int)limit)))
        {
            client.Delete("jobs", job);
            client.Event(cronJob, "SuccessfulDelete", $"Deleted job {ObjectFields.Name(job)}", Component);
        }
    }

    private void WarnOnce(ControllerClient client, JsonObject cronJob, string reason, string message, string type = "Warning", string? about = null)
    {
        if (_warned.Add($"{ObjectFields.Uid(cronJob)}/{reason}/{about ?? message}"))
        {
            client.Event(cronJob, reason, message, Component, type);
        }
    }
}
