using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;

namespace PSKube.Client;

// kubectl set image and rollout history / undo / restart / pause / resume: each reads the object, plans the change
// client-side as kubectl does (ContainerImages, DeploymentHistory, ControllerRevisionHistory), and sends a patch of
// only what changes.
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
        var current = await ReadTypedAsync(resource, @namespace, name, cancellationToken);
        var patch = images.Plan(KubeJson.SerializeToNode(current)!.AsObject(), resource.Kind);
        if (patch is null)
        {
            return (current, false);
        }
        if (changeCause is not null)
        {
            patch["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [DeploymentHistory.ChangeCauseAnnotation] = changeCause } };
        }
        return (await PatchResourceAsync(resource, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken), true);
    }

    /// <summary>
    /// The rollout history of a deployment, stateful set or daemon set (kubectl rollout history), oldest first: a
    /// deployment's from its replica sets, the others' from their controller revisions.
    /// </summary>
    public async Task<IReadOnlyList<RolloutRevision>> GetRolloutHistoryAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Kind == "Deployment")
        {
            var (deployment, sets) = await ReadDeploymentAndReplicaSetsAsync(@namespace, name, cancellationToken);
            return DeploymentHistory.Of(deployment, sets);
        }
        var (workload, revisions) = await ReadWorkloadAndRevisionsAsync(resource, @namespace, name, cancellationToken);
        return ControllerRevisionHistory.Of(workload, revisions);
    }

    /// <summary>
    /// Rolls a deployment, stateful set or daemon set back to a revision (kubectl rollout undo; 0: the one before the
    /// newest), as kubectl does on the client: a deployment's template is replaced by its replica set's, the others
    /// get their controller revision's patch. The result's object is null when it already runs that template (skipped).
    /// </summary>
    /// <exception cref="RolloutRefusedException">No such revision, no earlier one, or a paused deployment.</exception>
    public async Task<(KubeObject? Workload, RolloutRevision Target)> UndoAsync(ResourceDefinition resource, string? @namespace, string name, int toRevision, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Kind == "Deployment")
        {
            var (deployment, sets) = await ReadDeploymentAndReplicaSetsAsync(@namespace, name, cancellationToken);
            var (jsonPatch, revision) = DeploymentHistory.PlanRollback(deployment, sets, toRevision);
            return jsonPatch is null
                ? (null, revision)
                : (await PatchAsync<Deployment>(Deployments, @namespace, name, PatchKind.Json, jsonPatch, options, cancellationToken), revision);
        }
        var (workload, revisions) = await ReadWorkloadAndRevisionsAsync(resource, @namespace, name, cancellationToken);
        var (patch, target) = ControllerRevisionHistory.PlanRollback(workload, revisions, toRevision);
        return patch is null
            ? (null, target)
            : (await PatchResourceAsync(resource, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken), target);
    }

    /// <summary>Restarts the pods of a deployment, stateful set or daemon set by a new revision whose template says when (kubectl rollout restart).</summary>
    /// <exception cref="RolloutRefusedException">A paused deployment, or a restart within the same second.</exception>
    public async Task<KubeObject> RestartAsync(ResourceDefinition resource, string? @namespace, string name, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var workload = await ReadTypedAsync(resource, @namespace, name, cancellationToken);
        var patch = DeploymentHistory.PlanRestart(workload, DateTimeOffset.UtcNow);
        return await PatchResourceAsync(resource, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken);
    }

    /// <summary>Pauses (true) or resumes (false) a deployment's rollouts through spec.paused (kubectl rollout pause / resume).</summary>
    /// <exception cref="RolloutRefusedException">The deployment is already in that state.</exception>
    public async Task<Deployment> SetDeploymentPausedAsync(string? @namespace, string name, bool paused, WriteOptions? options, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync<Deployment>(Deployments, @namespace, name, cancellationToken);
        JsonNode patch = DeploymentHistory.PlanPause(deployment, paused);
        return await PatchAsync<Deployment>(Deployments, @namespace, name, PatchKind.Strategic, patch, options, cancellationToken);
    }

    // One object as its model type (Deployment, Pod...), whatever kind it is.
    private async Task<KubeObject> ReadTypedAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var read = Typed(resource, KubeJson.Serialize(await GetAsync<GenericKubeObject>(resource, @namespace, name, cancellationToken)));
        read.ServerClock = _connection.Clock;
        return read;
    }

    private async Task<(KubeObject Workload, IReadOnlyList<GenericKubeObject> Revisions)> ReadWorkloadAndRevisionsAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var workload = await ReadTypedAsync(resource, @namespace, name, cancellationToken);
        var selector = KubeJson.SerializeToNode(workload)?["spec"]?["selector"] is JsonObject node ? KubeJson.Deserialize<LabelSelector>(node.ToJsonString()) : null;
        var text = Printing.LabelFormatting.TryFormatSelector(selector, out var formatted) && formatted.Length > 0 ? formatted : null;
        var (revisions, _) = await ListAllAsync<GenericKubeObject>(BuiltInResources.Find("controllerrevisions")!, @namespace, new ListOptions { LabelSelector = text }, cancellationToken);
        return (workload, revisions);
    }

    private async Task<(Deployment Deployment, IReadOnlyList<ReplicaSet> ReplicaSets)> ReadDeploymentAndReplicaSetsAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        var deployment = await GetAsync<Deployment>(Deployments, @namespace, name, cancellationToken);
        var selection = new ListOptions { LabelSelector = DeploymentHistory.SelectorOf(deployment) };
        var (sets, _) = await ListAllAsync<ReplicaSet>(BuiltInResources.Find("replicasets")!, @namespace, selection, cancellationToken);
        return (deployment, sets);
    }
}
