using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;

namespace PSKube.Client;

// kubectl set image and rollout history / undo / restart / pause / resume: each reads the object, plans the change
// client-side as kubectl does (DeploymentHistory, ContainerImages), and sends a patch of only what changes.
public sealed partial class KubeClient
{
    private static ResourceDefinition Deployments => BuiltInResources.Find("deployments")!;

    /// <summary>
    /// Sets container images on a pod or a workload's pod template (kubectl set image) with a strategic merge patch of
    /// the changed containers (and <paramref name="changeCause"/> as the kubernetes.io/change-cause annotation, as
    /// kubectl --record did); returns the object as it is after the change, and whether anything changed.
    /// </summary>
    /// <exception cref="ContainerNotFoundException">A named container is not in the object; nothing is changed.</exception>
    public async Task<(KubeObject Object, bool Changed)> SetImagesAsync(ResourceDefinition resource, string? @namespace, string name, ContainerImages images, string? changeCause, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(images);
        var current = await GetAsync<GenericKubeObject>(resource, @namespace, name, cancellationToken);
        var patch = images.Plan(KubeJson.SerializeToNode(current)!.AsObject(), resource.Kind);
        if (patch is null)
        {
            var unchanged = Typed(resource, KubeJson.Serialize(current));
            unchanged.ServerClock = _connection.Clock;
            return (unchanged, false);
        }
        if (changeCause is not null)
        {
            patch["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [DeploymentHistory.ChangeCauseAnnotation] = changeCause } };
        }
        return (await PatchResourceAsync(resource, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken), true);
    }

    /// <summary>The rollout history of a deployment (kubectl rollout history): its revisions, oldest first.</summary>
    public async Task<IReadOnlyList<DeploymentRevision>> GetDeploymentHistoryAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        var (deployment, sets) = await ReadDeploymentAndReplicaSetsAsync(@namespace, name, cancellationToken);
        return DeploymentHistory.Of(deployment, sets);
    }

    /// <summary>
    /// Rolls a deployment back to a revision (kubectl rollout undo; 0: the one before the newest) by patching its
    /// template with that revision's. The result's Deployment is null when the deployment already runs it (skipped).
    /// </summary>
    /// <exception cref="RolloutRefusedException">No such revision, no earlier one, or the deployment is paused.</exception>
    public async Task<(Deployment? Deployment, DeploymentRevision Target)> UndoDeploymentAsync(string? @namespace, string name, int toRevision, WriteOptions? options, CancellationToken cancellationToken)
    {
        var (deployment, sets) = await ReadDeploymentAndReplicaSetsAsync(@namespace, name, cancellationToken);
        var (patch, target) = DeploymentHistory.PlanRollback(deployment, sets, toRevision);
        return patch is null
            ? (null, target)
            : (await PatchAsync<Deployment>(Deployments, @namespace, name, PatchKind.Json, patch, options, cancellationToken), target);
    }

    /// <summary>Restarts a deployment's pods by a new revision whose template says when (kubectl rollout restart).</summary>
    /// <exception cref="RolloutRefusedException">The deployment is paused, or was restarted within this second.</exception>
    public async Task<Deployment> RestartDeploymentAsync(string? @namespace, string name, WriteOptions? options, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync<Deployment>(Deployments, @namespace, name, cancellationToken);
        var patch = DeploymentHistory.PlanRestart(deployment, DateTimeOffset.UtcNow);
        return await PatchAsync<Deployment>(Deployments, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken);
    }

    /// <summary>Pauses (true) or resumes (false) a deployment's rollouts through spec.paused (kubectl rollout pause / resume).</summary>
    /// <exception cref="RolloutRefusedException">The deployment is already in that state.</exception>
    public async Task<Deployment> SetDeploymentPausedAsync(string? @namespace, string name, bool paused, WriteOptions? options, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync<Deployment>(Deployments, @namespace, name, cancellationToken);
        JsonNode patch = DeploymentHistory.PlanPause(deployment, paused);
        return await PatchAsync<Deployment>(Deployments, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken);
    }

    private async Task<(Deployment Deployment, IReadOnlyList<ReplicaSet> ReplicaSets)> ReadDeploymentAndReplicaSetsAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync<Deployment>(Deployments, @namespace, name, cancellationToken);
        var selection = new ListOptions { LabelSelector = DeploymentHistory.SelectorOf(deployment) };
        var (sets, _) = await ListAllAsync<ReplicaSet>(BuiltInResources.Find("replicasets")!, @namespace, selection, cancellationToken);
        return (deployment, sets);
    }
}
