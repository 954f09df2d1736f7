using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The Job controller: runs up to parallelism pods until completions succeed, retries failures with exponential
/// back-off up to backoffLimit, honours activeDeadlineSeconds and suspend, and counts finished pods through the
/// batch.kubernetes.io/job-tracking finalizer, so a count survives the pod's deletion.
/// </summary>
public sealed class JobController : IPassController
{
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";
    private const string Component = "job-controller";
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(6);

    // Consecutive failures and when the last one was seen, per Job uid: the back-off before the next pod.
    private readonly Dictionary<string, (int Failures, DateTimeOffset Last)> _backoff = [];

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        var jobs = client.List("jobs");
        var liveUids = jobs.Select(ObjectFields.Uid).ToHashSet();
        foreach (var job in jobs)
        {
            Sync(client, job);
        }
        // Pods whose Job is gone (or that were orphaned) are not counted any more: let them go.
        foreach (var pod in client.List("pods", filter: HasTrackingFinalizer))
        {
            if (ObjectFields.ControllerReference(pod) is not { } owner || (string?)owner["kind"] != "Job" || !liveUids.Contains((string?)owner["uid"] ?? ""))
            {
                RemoveTrackingFinalizer(client, pod);
            }
        }
        _backoff.Keys.Where(uid => !liveUids.Contains(uid)).ToList().ForEach(uid => _backoff.Remove(uid));
    }

    private static bool HasTrackingFinalizer(JsonObject pod) =>
        (pod["metadata"]?["finalizers"] as JsonArray)?.Any(f => (string?)f == TrackingFinalizer) == true;

    private static JsonObject RemoveTrackingFinalizer(ControllerClient client, JsonObject pod)
    {
        var finalizers = (JsonArray)pod["metadata"]!["finalizers"]!;
        var kept = finalizers.Where(f => (string?)f != TrackingFinalizer).Select(f => f?.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            ObjectFields.Metadata(pod).Remove("finalizers");
        }
        else
        {
            pod["metadata"]!["finalizers"] = new JsonArray(kept);
        }
        return client.Update("pods", pod);
    }

    private void Sync(ControllerClient client, JsonObject job)
    {
        var now = client.Now;
        var spec = job["spec"] as JsonObject ?? [];
        var status = job["status"]?.DeepClone() as JsonObject ?? [];
        var finished = StatusConditions.IsTrue(status, "Complete") || StatusConditions.IsTrue(status, "Failed");
        var pods = PodTemplates.OwnedPods(client, job);
        var finishing = finished || StatusConditions.IsTrue(status, "FailureTarget") || StatusConditions.IsTrue(status, "SuccessCriteriaMet");
        var newFailures = CountFinishedPods(client, pods, status, finishing);
        if (newFailures > 0)
        {
            var previous = _backoff.TryGetValue(ObjectFields.Uid(job), out var b) ? b.Failures : 0;
            _backoff[ObjectFields.Uid(job)] = (previous + newFailures, now);
        }
        pods = client.List("pods", ObjectFields.Namespace(job), p => ObjectFields.IsControlledBy(p, job));
        if (finished || ObjectFields.IsDeleting(job))
        {
            return;
        }

        var suspended = ObjectFields.IsTrue(spec["suspend"]);
        if (suspended)
        {
            Suspend(client, job, status, pods);
            return;
        }
        if (StatusConditions.IsTrue(status, "Suspended"))
        {
            StatusConditions.Set(status, "Suspended", "False", "JobResumed", "Job resumed", now, "lastProbeTime");
            client.Event(job, "Resumed", "Job resumed", Component);
            status.Remove("startTime");
        }
        status["startTime"] ??= KubeTime.Format(now);

        var active = pods.Where(PodState.IsActive).ToList();
        var succeeded = ObjectFields.Long(status["succeeded"]);
        var failed = ObjectFields.Long(status["failed"]);
        var completions = spec["completions"] is null ? (long?)null : ObjectFields.Long(spec["completions"]);
        var restarts = (string?)spec["template"]?["spec"]?["restartPolicy"] == "OnFailure" ? active.Sum(PodState.Restarts) : 0;

        if (spec["activeDeadlineSeconds"] is { } limit && KubeTime.Parse((string?)status["startTime"]) is { } began)
        {
            client.WakeAt(began.AddSeconds(ObjectFields.Long(limit)));
        }
        (string Reason, string Message)? failure = null;
        if (StatusConditions.Find(status, "FailureTarget") is { } target)
        {
            failure = ((string?)target["reason"] ?? "", (string?)target["message"] ?? "");
        }
        else if ((newFailures > 0 || restarts > 0) && failed + restarts > ObjectFields.Long(spec["backoffLimit"], 6))
        {
            failure = ("BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }
        else if (spec["activeDeadlineSeconds"] is { } deadline && KubeTime.Parse((string?)status["startTime"]) is { } started &&
                 started.AddSeconds(ObjectFields.Long(deadline)) <= now)
        {
            failure = ("DeadlineExceeded", "Job was active longer than specified deadline");
        }

        var complete = completions is { } wanted ? succeeded >= wanted : succeeded > 0 && active.Count == 0;
        if (failure is { } why)
        {
            StatusConditions.Set(status, "FailureTarget", "True", why.Reason, why.Message, now, "lastProbeTime");
            DeletePods(client, job, active);
            if (!pods.Any(HasTrackingFinalizer) && pods.All(p => !PodState.IsActive(p)))
            {
                StatusConditions.Set(status, "Failed", "True", why.Reason, why.Message, now, "lastProbeTime");
                client.Event(job, why.Reason, why.Message, Component, "Warning");
            }
        }
        else if (complete || StatusConditions.IsTrue(status, "SuccessCriteriaMet"))
        {
            StatusConditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", now, "lastProbeTime");
            DeletePods(client, job, active);
            if (!pods.Any(HasTrackingFinalizer) && pods.All(p => !PodState.IsActive(p)))
            {
                StatusConditions.Set(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", now, "lastProbeTime");
                status["completionTime"] = KubeTime.Format(now);
                client.Event(job, "Completed", "Job completed", Component);
            }
        }
        else
        {
            var parallelism = ObjectFields.Long(spec["parallelism"], 1);
            var wantActive = completions is { } total ? Math.Min(parallelism, total - succeeded) : succeeded > 0 ? active.Count : parallelism;
            if (active.Count < wantActive && BackoffOver(client, job))
            {
                for (var i = active.Count; i < wantActive; i++)
                {
                    var pod = PodTemplates.NewPod(job, spec["template"], name: null, generateName: ObjectFields.Name(job) + "-");
                    pod["metadata"]!["finalizers"] = new JsonArray(TrackingFinalizer);
                    if (client.Create("pods", pod) is { } created)
                    {
                        client.Event(job, "SuccessfulCreate", $"Created pod: {ObjectFields.Name(created)}", Component);
                    }
                }
            }
            else if (active.Count > wantActive)
            {
                DeletePods(client, job, active.OrderBy(PodState.IsReady).Take(active.Count - (int)wantActive));
            }
        }

        pods = client.List("pods", ObjectFields.Namespace(job), p => ObjectFields.IsControlledBy(p, job));
        WriteCounts(status, pods);
        client.UpdateStatus("jobs", job, status);
    }

    /// <summary>
    /// Moves finished pods into the status counts and releases them; a pod deleted before it finished counts as
    /// failed, unless the Job is already finishing and deleted it itself. Returns how many new failures there were.
    /// </summary>
    private static int CountFinishedPods(ControllerClient client, List<JsonObject> pods, JsonObject status, bool finishing)
    {
        var newFailures = 0;
        foreach (var pod in pods.Where(HasTrackingFinalizer))
        {
            var outcome = PodState.IsSucceeded(pod) ? "succeeded"
                : PodState.IsFailed(pod) || (ObjectFields.IsDeleting(pod) && !finishing) ? "failed"
                : null;
            if (outcome is null)
            {
                if (ObjectFields.IsDeleting(pod))
                {
                    RemoveTrackingFinalizer(client, pod);
                }
                continue;
            }
            status[outcome] = ObjectFields.Long(status[outcome]) + 1;
            newFailures += outcome == "failed" ? 1 : 0;
            RemoveTrackingFinalizer(client, pod);
        }
        return newFailures;
    }

    private bool BackoffOver(ControllerClient client, JsonObject job)
    {
        if (!_backoff.TryGetValue(ObjectFields.Uid(job), out var backoff) || backoff.Failures == 0)
        {
            return true;
        }
        var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks << Math.Min(backoff.Failures - 1, 10)));
        client.WakeAt(backoff.Last + delay);
        return backoff.Last + delay <= client.Now;
    }

    private static void Suspend(ControllerClient client, JsonObject job, JsonObject status, List<JsonObject> pods)
    {
        DeletePods(client, job, pods.Where(PodState.IsActive));
        if (!StatusConditions.IsTrue(status, "Suspended"))
        {
            StatusConditions.Set(status, "Suspended", "True", "JobSuspended", "Job suspended", client.Now, "lastProbeTime");
            client.Event(job, "Suspended", "Job suspended", Component);
        }
        WriteCounts(status, client.List("pods", ObjectFields.Namespace(job), p => ObjectFields.IsControlledBy(p, job)));
        client.UpdateStatus("jobs", job, status);
    }

    private static void DeletePods(ControllerClient client, JsonObject job, IEnumerable<JsonObject> pods)
    {
        foreach (var pod in pods.ToList())
        {
            client.Delete("pods", pod);
            client.Event(job, "SuccessfulDelete", $"Deleted pod: {ObjectFields.Name(pod)}", Component);
        }
    }

    /// <summary>active, ready and terminating from the pods now; zero active/succeeded/failed are left out as the API does.</summary>
    private static void WriteCounts(JsonObject status, List<JsonObject> pods)
    {
        var active = pods.Where(PodState.IsActive).ToList();
        status["active"] = active.Count;
        status["ready"] = active.Count(PodState.IsReady);
        status["terminating"] = pods.Count(p => ObjectFields.IsDeleting(p) && !PodState.IsTerminal(p));
        status["uncountedTerminatedPods"] ??= new JsonObject();
        foreach (var field in new[] { "active", "succeeded", "failed" })
        {
            if (ObjectFields.Long(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
    }
}
