using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Rollouts;

/// <summary>
/// A deployment's rollout history as kubectl reads it: the replica sets the deployment controls, each one revision
/// (deployment.kubernetes.io/revision), and the rules of kubectl rollout undo and restart, which work client-side
/// from that history.
/// </summary>
public static class DeploymentHistory
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";
    private const string HashLabel = "pod-template-hash";

    // The deployment's own annotations that a rollback keeps instead of taking the replica set's (as kubectl).
    private static readonly string[] KeptOnRollback =
    [
        Manifests.LastAppliedConfiguration.Annotation, RevisionAnnotation, "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ];

    /// <summary>The revisions of <paramref name="deployment"/> among <paramref name="replicaSets"/>, oldest first.</summary>
    public static IReadOnlyList<RolloutRevision> Of(Deployment deployment, IEnumerable<ReplicaSet> replicaSets)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(replicaSets);
        var current = deployment.Spec?.Template;
        var byRevision = new SortedDictionary<int, RolloutRevision>();
        foreach (var set in replicaSets.Where(rs => IsControlledBy(rs, deployment)))
        {
            if (RevisionOf(set) is { } revision)
            {
                byRevision[revision] = new RolloutRevision(deployment, set.Name ?? "", revision, set.Metadata?.Annotations?.GetValueOrDefault(ChangeCauseAnnotation),
                    set.Spec?.Template ?? new PodTemplateSpec(), SameTemplate(set.Spec?.Template, current));
            }
        }
        return [.. byRevision.Values];
    }

    /// <summary>
    /// The JSON patch of kubectl rollout undo: the deployment's template replaced by the revision's (without its
    /// pod-template-hash label), and its annotations by the revision's (change cause included), keeping the
    /// deployment's own revision bookkeeping; null when the deployment already runs that template (kubectl's
    /// "skipped rollback"). <paramref name="toRevision"/> 0 means the revision before the newest.
    /// </summary>
    /// <exception cref="RolloutRefusedException">No such revision, no earlier one, or the deployment is paused.</exception>
    public static (JsonArray? Patch, RolloutRevision Target) PlanRollback(Deployment deployment, IReadOnlyList<ReplicaSet> replicaSets, int toRevision)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var revisions = Of(deployment, replicaSets);
        RolloutRevision? target;
        if (toRevision < 0)
        {
            target = null;
        }
        else if (toRevision == 0)
        {
            target = revisions.Count >= 2 ? revisions[^2] : throw new RolloutRefusedException(RolloutRefusal.NoHistory,
                $"no rollout history found for deployment \"{deployment.Name}\": it has no revision before its current one.");
        }
        else
        {
            target = revisions.FirstOrDefault(r => r.Revision == toRevision);
        }
        if (target is null)
        {
            var known = string.Join(", ", revisions.Select(r => r.Revision));
            throw new RolloutRefusedException(RolloutRefusal.RevisionNotFound,
                $"unable to find specified revision {toRevision} in history of deployment \"{deployment.Name}\"; its revisions are {(known.Length > 0 ? known : "none")} (Get-KubeDeploymentHistory lists them).");
        }
        if (deployment.Spec?.Paused == true)
        {
            throw new RolloutRefusedException(RolloutRefusal.Paused,
                $"you cannot roll back a paused deployment (\"{deployment.Name}\"); resume it first with Resume-KubeDeployment and try again.");
        }
        if (SameTemplate(target.Template, deployment.Spec?.Template))
        {
            return (null, target);
        }
        var template = KubeJson.SerializeToNode(new ReplicaSet { Spec = new ReplicaSetSpec { Template = target.Template } })!["spec"]!["template"]!.DeepClone();
        (template["metadata"]?["labels"] as JsonObject)?.Remove(HashLabel);
        var annotations = new JsonObject();
        var own = deployment.Metadata?.Annotations ?? [];
        foreach (var key in KeptOnRollback.Where(own.ContainsKey))
        {
            annotations[key] = own[key];
        }
        var setAnnotations = replicaSets.First(rs => rs.Name == target.Source).Metadata?.Annotations ?? [];
        foreach (var (key, value) in setAnnotations.Where(a => !KeptOnRollback.Contains(a.Key)))
        {
            annotations[key] = value;
        }
        var patch = new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotations });
        return (patch, target);
    }

    /// <summary>
    /// The strategic merge patch of kubectl rollout restart of a deployment, stateful set or daemon set: the pod
    /// template's restartedAt annotation set to <paramref name="now"/>, which makes a new revision whose pods replace
    /// the old ones.
    /// </summary>
    /// <exception cref="RolloutRefusedException">A paused deployment, or a restart within the same second.</exception>
    public static JsonObject PlanRestart(KubeObject workload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload is Deployment { Spec.Paused: true })
        {
            throw new RolloutRefusedException(RolloutRefusal.Paused,
                $"can't restart paused deployment \"{workload.Name}\"; resume it first with Resume-KubeDeployment.");
        }
        var stamp = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (ControllerRevisionHistory.TemplateOf(workload)?.Metadata?.Annotations?.GetValueOrDefault(RestartedAtAnnotation) == stamp)
        {
            throw new RolloutRefusedException(RolloutRefusal.RestartedThisSecond,
                $"{(workload.Kind ?? "").ToLowerInvariant()} \"{workload.Name}\" was restarted within the past second; wait a second before restarting it again.");
        }
        return new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = stamp } } },
            },
        };
    }

    /// <summary>The strategic merge patch of kubectl rollout pause (true) or resume (false).</summary>
    /// <exception cref="RolloutRefusedException">The deployment is already paused, or is not paused.</exception>
    public static JsonObject PlanPause(Deployment deployment, bool paused)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var isPaused = deployment.Spec?.Paused == true;
        if (isPaused == paused)
        {
            throw paused
                ? new RolloutRefusedException(RolloutRefusal.AlreadyPaused, $"deployment \"{deployment.Name}\" is already paused.")
                : new RolloutRefusedException(RolloutRefusal.NotPaused, $"deployment \"{deployment.Name}\" is not paused.");
        }
        // Resuming removes the field, as kubectl's patch does (false is its default).
        return new JsonObject { ["spec"] = new JsonObject { ["paused"] = paused ? true : null } };
    }

    /// <summary>The label selector of the deployment's replica sets (its spec.selector.matchLabels), for listing them.</summary>
    public static string? SelectorOf(Deployment deployment) =>
        Printing.LabelFormatting.TryFormatSelector(deployment?.Spec?.Selector, out var text) && text.Length > 0 ? text : null;

    private static int? RevisionOf(ReplicaSet set) =>
        int.TryParse(set.Metadata?.Annotations?.GetValueOrDefault(RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static bool IsControlledBy(ReplicaSet set, Deployment deployment) =>
        set.Metadata?.OwnerReferences?.Any(owner => owner.Controller == true && owner.Uid == deployment.Metadata?.Uid) == true;

    /// <summary>Templates compared as kubectl does: equal but for a replica set's pod-template-hash label.</summary>
    internal static bool SameTemplate(PodTemplateSpec? first, PodTemplateSpec? second)
    {
        static JsonNode? Plain(PodTemplateSpec? template)
        {
            var node = KubeJson.SerializeToNode(new ReplicaSet { Spec = new ReplicaSetSpec { Template = template } })?["spec"]?["template"]?.DeepClone();
            if (node?["metadata"]?["labels"] is JsonObject labels)
            {
                labels.Remove(HashLabel);
            }
            return node;
        }
        return JsonNode.DeepEquals(Plain(first), Plain(second));
    }
}
