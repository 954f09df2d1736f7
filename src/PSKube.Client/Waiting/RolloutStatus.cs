using PSKube.Client.Models;

namespace PSKube.Client.Waiting;

/// <summary>
/// Where a Deployment's rollout stands, by the rules of kubectl rollout status: the controller has seen the latest
/// spec, every wanted replica runs the new template, the old ones are gone and every new one is available; a
/// Progressing condition with reason ProgressDeadlineExceeded ends the rollout as failed.
/// </summary>
/// <param name="Done">The rollout finished.</param>
/// <param name="Failed">The rollout stopped without finishing; <paramref name="Message"/> says why.</param>
/// <param name="Message">What kubectl rollout status would print now.</param>
public sealed record RolloutStatus(bool Done, bool Failed, string Message)
{
    public static RolloutStatus Of(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var name = deployment.Name ?? "";
        var status = deployment.Status;
        if ((deployment.Metadata?.Generation ?? 0) > (status?.ObservedGeneration ?? 0))
        {
            return Waiting("Waiting for deployment spec update to be observed...");
        }
        var progressing = status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
        {
            return new RolloutStatus(false, true, $"deployment \"{name}\" exceeded its progress deadline");
        }
        var updated = status?.UpdatedReplicas ?? 0;
        var replicas = status?.Replicas ?? 0;
        var available = status?.AvailableReplicas ?? 0;
        if (deployment.Spec?.Replicas is { } wanted && updated < wanted)
        {
            return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {wanted} new replicas have been updated...");
        }
        if (replicas > updated)
        {
            return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {replicas - updated} old replicas are pending termination...");
        }
        if (available < updated)
        {
            return Waiting($"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...");
        }
        return new RolloutStatus(true, false, $"deployment \"{name}\" successfully rolled out");
    }

    /// <summary>Whether a wait can stop: the rollout finished or failed.</summary>
    public bool Settled => Done || Failed;

    private static RolloutStatus Waiting(string message) => new(false, false, message);
}
