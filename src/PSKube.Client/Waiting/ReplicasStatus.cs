using PSKube.Client.Models;

namespace PSKube.Client.Waiting;

/// <summary>
/// Whether a Deployment, ReplicaSet or StatefulSet runs a given number of ready replicas: its controller has seen
/// the latest spec (observedGeneration caught up), and it reports exactly that many replicas, all ready. What
/// Set-KubeReplicas -Wait waits for after a scale.
/// </summary>
/// <param name="Done">The workload reports the wanted count, all ready.</param>
/// <param name="Message">Where it stands, for a progress bar.</param>
public sealed record ReplicasStatus(bool Done, string Message)
{
    /// <exception cref="ArgumentException">The object is not a Deployment, ReplicaSet or StatefulSet.</exception>
    public static ReplicasStatus Of(KubeObject workload, int replicas)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var (observed, current, ready) = workload switch
        {
            Deployment d => (d.Status?.ObservedGeneration, d.Status?.Replicas, d.Status?.ReadyReplicas),
            ReplicaSet r => (r.Status?.ObservedGeneration, r.Status?.Replicas, r.Status?.ReadyReplicas),
            StatefulSet s => (s.Status?.ObservedGeneration, s.Status?.Replicas, s.Status?.ReadyReplicas),
            _ => throw new ArgumentException($"{workload.Kind ?? workload.GetType().Name} objects have no replicas to wait for; use a Deployment, ReplicaSet or StatefulSet."),
        };
        var what = $"{workload.GetType().Name.ToLowerInvariant()} \"{workload.Name}\"";
        if ((workload.Metadata?.Generation ?? 0) > (observed ?? 0))
        {
            return new ReplicasStatus(false, $"Waiting for {what} to observe the new replica count...");
        }
        if ((current ?? 0) != replicas)
        {
            return new ReplicasStatus(false, $"Waiting for {what}: {current ?? 0} replicas, {replicas} wanted...");
        }
        if ((ready ?? 0) != replicas)
        {
            return new ReplicasStatus(false, $"Waiting for {what}: {ready ?? 0} of {replicas} replicas are ready...");
        }
        return new ReplicasStatus(true, $"{what} has {replicas} ready replicas");
    }
}
