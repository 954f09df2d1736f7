using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Rollouts;

/// <summary>
/// The rollout history of a stateful set or daemon set as kubectl reads it: the ControllerRevisions the workload
/// controls, each holding its pod template as a strategic merge patch (data) and its number (revision); undo sends
/// that patch back.
/// </summary>
public static class ControllerRevisionHistory
{
    /// <summary>The revisions of <paramref name="workload"/> among <paramref name="controllerRevisions"/>, oldest first.</summary>
    public static IReadOnlyList<RolloutRevision> Of(KubeObject workload, IEnumerable<GenericKubeObject> controllerRevisions)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(controllerRevisions);
        var current = TemplateOf(workload);
        var byRevision = new SortedDictionary<int, RolloutRevision>();
        foreach (var revision in controllerRevisions.Where(cr => cr.Metadata?.OwnerReferences?.Any(o => o.Controller == true && o.Uid == workload.Metadata?.Uid) == true))
        {
            if (Number(revision) is { } number && Data(revision)?["spec"]?["template"] is JsonObject patch)
            {
                var template = patch.DeepClone().AsObject();
                template.Remove("$patch");
                var typed = KubeJson.Deserialize<PodTemplateSpec>(template.ToJsonString()) ?? new PodTemplateSpec();
                byRevision[number] = new RolloutRevision(workload, revision.Name ?? "", number,
                    revision.Metadata?.Annotations?.GetValueOrDefault(DeploymentHistory.ChangeCauseAnnotation), typed, DeploymentHistory.SameTemplate(typed, current));
            }
        }
        return [.. byRevision.Values];
    }

    /// <summary>
    /// The strategic merge patch of kubectl rollout undo for a stateful or daemon set (the revision's data), or null
    /// when it already runs that template. <paramref name="toRevision"/> 0 means the revision before the newest.
    /// </summary>
    /// <exception cref="RolloutRefusedException">No such revision, or no earlier one.</exception>
    public static (JsonObject? Patch, RolloutRevision Target) PlanRollback(KubeObject workload, IReadOnlyList<GenericKubeObject> controllerRevisions, int toRevision)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var revisions = Of(workload, controllerRevisions);
        var kind = (workload.Kind ?? "").ToLowerInvariant();
        RolloutRevision? target = toRevision switch
        {
            < 0 => null,
            0 => revisions.Count >= 2 ? revisions[^2] : throw new RolloutRefusedException(RolloutRefusal.NoHistory,
                $"no last revision to roll back to: {kind} \"{workload.Name}\" has no revision before its current one."),
            _ => revisions.FirstOrDefault(r => r.Revision == toRevision),
        };
        if (target is null)
        {
            var known = string.Join(", ", revisions.Select(r => r.Revision));
            throw new RolloutRefusedException(RolloutRefusal.RevisionNotFound,
                $"unable to find specified revision {toRevision} in history of {kind} \"{workload.Name}\"; its revisions are {(known.Length > 0 ? known : "none")} (Get-KubeDeploymentHistory lists them).");
        }
        if (target.Current)
        {
            return (null, target);
        }
        var source = controllerRevisions.First(cr => cr.Name == target.Source);
        return (Data(source)!.DeepClone().AsObject(), target);
    }

    /// <summary>The pod template of a workload of any kind (spec.template).</summary>
    internal static PodTemplateSpec? TemplateOf(KubeObject workload) =>
        KubeJson.SerializeToNode(workload)?["spec"]?["template"] is JsonObject template ? KubeJson.Deserialize<PodTemplateSpec>(template.ToJsonString()) : null;

    private static int? Number(GenericKubeObject revision) =>
        revision.ExtensionData?.GetValueOrDefault("revision") is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) ? value : null;

    private static JsonObject? Data(GenericKubeObject revision) =>
        revision.ExtensionData?.GetValueOrDefault("data") is { ValueKind: JsonValueKind.Object } data ? JsonNode.Parse(data.GetRawText())?.AsObject() : null;
}
