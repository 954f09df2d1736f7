using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Waiting;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>
    /// Follows a Deployment until its rollout finishes or fails (kubectl rollout status), reporting each step's
    /// message. The result's object tells which: <see cref="RolloutStatus.Of"/> on it.
    /// </summary>
    public Task<WaitResult<Deployment>> WaitForRolloutAsync(string? @namespace, string name, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        WaitAsync<Deployment>(BuiltInResources.Find("deployments")!, @namespace, name, deployment =>
        {
            var status = RolloutStatus.Of(deployment);
            progress?.Report(status.Message);
            return status.Settled;
        }, timeout, cancellationToken);

    /// <summary>Follows a workload until it reports <paramref name="replicas"/> ready replicas (<see cref="ReplicasStatus"/>).</summary>
    public Task<WaitResult<KubeObject>> WaitForReplicasAsync(ScaleTarget target, string? @namespace, int replicas, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        bool Ready(KubeObject workload)
        {
            var status = ReplicasStatus.Of(workload, replicas);
            progress?.Report(status.Message);
            return status.Done;
        }
        return target.Resource.Kind switch
        {
            "Deployment" => Widen(WaitAsync<Deployment>(target.Resource, @namespace, target.Name, Ready, timeout, cancellationToken)),
            "ReplicaSet" => Widen(WaitAsync<ReplicaSet>(target.Resource, @namespace, target.Name, Ready, timeout, cancellationToken)),
            _ => Widen(WaitAsync<StatefulSet>(target.Resource, @namespace, target.Name, Ready, timeout, cancellationToken)),
        };
    }

    /// <summary>Reads a scalable workload as its own model type (Deployment, ReplicaSet or StatefulSet).</summary>
    public async Task<KubeObject> GetWorkloadAsync(ScaleTarget target, string? @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Resource.Kind switch
        {
            "Deployment" => await GetAsync<Deployment>(target.Resource, @namespace, target.Name, cancellationToken),
            "ReplicaSet" => await GetAsync<ReplicaSet>(target.Resource, @namespace, target.Name, cancellationToken),
            _ => await GetAsync<StatefulSet>(target.Resource, @namespace, target.Name, cancellationToken),
        };
    }

    /// <summary>Follows a Job until a Complete or Failed condition holds (<see cref="JobCompletion"/>).</summary>
    public Task<WaitResult<Job>> WaitForJobAsync(string? @namespace, string name, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        WaitAsync<Job>(BuiltInResources.Find("jobs")!, @namespace, name, job =>
        {
            var completion = JobCompletion.Of(job);
            progress?.Report(completion.Message);
            return completion.Finished;
        }, timeout, cancellationToken);

    /// <summary>
    /// Suspends or resumes a CronJob with a merge patch of spec.suspend alone, as kubectl patch does, so nothing
    /// else in the object changes. Suspending stops new runs; jobs already running go on.
    /// </summary>
    public Task<CronJob> SetCronJobSuspendedAsync(string? @namespace, string name, bool suspended, WriteOptions? options, CancellationToken cancellationToken) =>
        PatchAsync<CronJob>(BuiltInResources.Find("cronjobs")!, @namespace, name, PatchKind.Merge,
            new JsonObject { ["spec"] = new JsonObject { ["suspend"] = suspended } }, options, cancellationToken);

    private static async Task<WaitResult<KubeObject>> Widen<T>(Task<WaitResult<T>> wait)
        where T : KubeObject
    {
        var result = await wait;
        return new WaitResult<KubeObject>(result.Outcome, result.Object);
    }
}
