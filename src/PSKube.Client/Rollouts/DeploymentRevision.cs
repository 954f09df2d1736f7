using PSKube.Client.Models;

namespace PSKube.Client.Rollouts;

/// <summary>
/// One revision of a deployment's rollout history (kubectl rollout history): the revision number of the replica set
/// that holds its pod template, the change cause recorded on it, and that template. Name and Namespace are the
/// deployment's, so a revision piped into Undo-KubeDeployment rolls that deployment back to it.
/// </summary>
public sealed class DeploymentRevision
{
    public DeploymentRevision(Deployment deployment, ReplicaSet replicaSet, int revision, bool current)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(replicaSet);
        Name = deployment.Name ?? "";
        Namespace = deployment.Namespace;
        Revision = revision;
        ReplicaSet = replicaSet.Name ?? "";
        Template = replicaSet.Spec?.Template ?? new PodTemplateSpec();
        ChangeCause = replicaSet.Metadata?.Annotations?.GetValueOrDefault(DeploymentHistory.ChangeCauseAnnotation) is { Length: > 0 } cause ? cause : null;
        Current = current;
    }

    /// <summary>The deployment's name.</summary>
    public string Name { get; }

    /// <summary>The deployment's namespace.</summary>
    public string? Namespace { get; }

    /// <summary>The revision number (deployment.kubernetes.io/revision of its replica set).</summary>
    public int Revision { get; }

    /// <summary>Why this revision was made (the kubernetes.io/change-cause annotation); null when none was recorded.</summary>
    public string? ChangeCause { get; }

    /// <summary>Whether the deployment runs this revision's template now.</summary>
    public bool Current { get; }

    /// <summary>The replica set that holds this revision.</summary>
    public string ReplicaSet { get; }

    /// <summary>The pod template of this revision.</summary>
    public PodTemplateSpec Template { get; }

    /// <summary>The images of the template's containers, as container=image.</summary>
    public IReadOnlyList<string> Images =>
        (Template.Spec?.InitContainers ?? []).Concat(Template.Spec?.Containers ?? []).Select(c => $"{c.Name}={c.Image}").ToList();
}
