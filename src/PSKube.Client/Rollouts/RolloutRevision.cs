using PSKube.Client.Models;

namespace PSKube.Client.Rollouts;

/// <summary>
/// One revision of a workload's rollout history (kubectl rollout history): its number, the change cause recorded on
/// it and its pod template, held by a replica set (deployments) or a controller revision (stateful and daemon sets).
/// Kind, Name and Namespace are the workload's, so a revision piped into Undo-KubeDeployment rolls it back to it.
/// </summary>
public sealed class RolloutRevision
{
    public RolloutRevision(KubeObject workload, string source, int revision, string? changeCause, PodTemplateSpec template, bool current)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Kind = workload.Kind ?? "";
        Name = workload.Name ?? "";
        Namespace = workload.Namespace;
        Source = source;
        Revision = revision;
        ChangeCause = string.IsNullOrEmpty(changeCause) ? null : changeCause;
        Template = template;
        Current = current;
    }

    /// <summary>The workload's kind: Deployment, StatefulSet or DaemonSet.</summary>
    public string Kind { get; }

    /// <summary>The workload's name.</summary>
    public string Name { get; }

    /// <summary>The workload's namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The revision number.</summary>
    public int Revision { get; }

    /// <summary>Why this revision was made (the kubernetes.io/change-cause annotation); null when none was recorded.</summary>
    public string? ChangeCause { get; }

    /// <summary>Whether the workload runs this revision's template now.</summary>
    public bool Current { get; }

    /// <summary>The object that holds this revision: a replica set of a deployment, a controller revision of a stateful or daemon set.</summary>
    public string Source { get; }

    /// <summary>The pod template of this revision.</summary>
    public PodTemplateSpec Template { get; }

    /// <summary>The images of the template's containers, as container=image.</summary>
    public IReadOnlyList<string> Images =>
        (Template.Spec?.InitContainers ?? []).Concat(Template.Spec?.Containers ?? []).Select(c => $"{c.Name}={c.Image}").ToList();
}
