using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Selectors;

namespace PSKube.Client.Queries;

/// <summary>
/// What an object piped into a command for another kind stands for (<c>Get-KubeCronJob nightly | Get-KubeJob</c>: the
/// jobs it owns). Every pipe is either one of these relations or refused, so a pipeline never widens to every object
/// of the namespace. An object of the target's own kind stands for itself; a Namespace for the objects in it.
/// </summary>
public static class RelatedObjects
{
    private static readonly string[] PodOwners = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Service", "Node"];
    private static readonly string[] TemplateOwners = ["Deployment", "StatefulSet", "DaemonSet"];

    /// <summary>The pipes between two different kinds, besides a Namespace standing for what is in it.</summary>
    public static IReadOnlyList<Relation> Relations { get; } =
    [
        new("CronJob", "jobs", "the jobs it owns"),
        new("Deployment", "replicasets", "the replica sets it owns"),
        .. PodOwners.Select(kind => new Relation(kind, "pods", kind == "Node" ? "the pods on it" : "its pods")),
        .. TemplateOwners.Select(kind => new Relation(kind, "services", "the services that select its pods")),
        new("Service", "endpoints", "its endpoints"),
    ];

    /// <summary>
    /// The objects of <paramref name="target"/> that <paramref name="piped"/> stands for. A namespaced object that
    /// carries no namespace (built, not read) is taken to live in <paramref name="defaultNamespace"/>.
    /// </summary>
    /// <exception cref="UnrelatedObjectException">Nothing of the target kind relates to the piped object.</exception>
    /// <exception cref="ArgumentException">The piped object lacks what the relation needs (a name, a usable selector).</exception>
    public static RelatedQuery Query(KubeObject piped, ResourceDefinition target, string? defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(piped);
        ArgumentNullException.ThrowIfNull(target);
        var name = string.IsNullOrEmpty(piped.Name) ? throw new ArgumentException($"The piped {piped.Kind ?? "object"} has no name.", nameof(piped)) : piped.Name;
        // Where the piped object lives: null for a cluster-scoped one (a node's pods are in every namespace).
        var home = !string.IsNullOrEmpty(piped.Namespace) ? piped.Namespace : IsClusterScoped(piped) ? null : defaultNamespace;
        if (IsOfKind(piped, target))
        {
            return new RelatedQuery(target.Namespaced ? home : null, new ListOptions(), Name: name);
        }
        if (piped.Kind == "Namespace" && target.Namespaced)
        {
            return new RelatedQuery(name, new ListOptions());
        }
        if (target.Plural == "events" && target.Group.Length == 0)
        {
            var events = EventsOf.Query(piped);
            return new RelatedQuery(events.Namespace ?? home, events.Options);
        }
        var relation = Relations.FirstOrDefault(r => r.SourceKind == piped.Kind && r.TargetPlural == target.Plural)
            ?? throw new UnrelatedObjectException(piped, target);
        return relation.TargetPlural switch
        {
            "pods" => FromPodQuery(PodsOf.Query(piped), home),
            "services" => new RelatedQuery(home, new ListOptions(), obj => obj is Service service && SelectsTemplate(service, TemplateLabels(piped))),
            "endpoints" => new RelatedQuery(home, new ListOptions(), Name: name),
            _ => new RelatedQuery(home, new ListOptions(), obj => IsOwnedBy(obj, piped)),
        };
    }

    /// <summary>What can be piped into a command for <paramref name="target"/>, for messages: (kind, meaning).</summary>
    public static IReadOnlyList<(string Kind, string Meaning)> SourcesOf(ResourceDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var sources = new List<(string, string)> { (target.Kind, "read again") };
        if (target.Namespaced)
        {
            sources.Add(("Namespace", $"the {target.Plural} in it"));
        }
        if (target.Plural == "events" && target.Group.Length == 0)
        {
            sources.Add(("any object", "the events about it"));
        }
        sources.AddRange(Relations.Where(r => r.TargetPlural == target.Plural).Select(r => (r.SourceKind, r.Meaning)));
        return sources;
    }

    /// <summary>Where an object of <paramref name="kind"/> can be piped, for messages: (target resource plural, meaning).</summary>
    public static IReadOnlyList<(string Plural, string Meaning)> TargetsOf(string kind)
    {
        var targets = new List<(string, string)>();
        if (BuiltInResources.All.FirstOrDefault(r => r.Kind == kind) is { } own)
        {
            targets.Add((own.Plural, "read again"));
        }
        if (kind == "Namespace")
        {
            targets.Add(("any namespaced kind", "the objects in it"));
        }
        targets.AddRange(Relations.Where(r => r.SourceKind == kind).Select(r => (r.TargetPlural, r.Meaning)));
        if (kind != "Namespace")
        {
            targets.Add(("events", "the events about it"));
        }
        return targets;
    }

    /// <summary>Whether <paramref name="obj"/> is of the resource type (by kind, and by group when the object says its apiVersion).</summary>
    public static bool IsOfKind(KubeObject obj, ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        if (obj.Kind != resource.Kind)
        {
            return false;
        }
        var slash = obj.ApiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var group = obj.ApiVersion is null ? resource.Group : slash < 0 ? "" : obj.ApiVersion[..slash];
        return group == resource.Group;
    }

    private static bool IsClusterScoped(KubeObject obj) =>
        BuiltInResources.All.FirstOrDefault(r => r.Kind == obj.Kind) is { Namespaced: false };

    private static RelatedQuery FromPodQuery(PodQuery pods, string? home) =>
        new(pods.Namespace ?? home, pods.Options, SelectsNothing: pods.SelectsNothing);

    private static bool IsOwnedBy(KubeObject obj, KubeObject owner) =>
        obj.Metadata?.OwnerReferences?.Any(reference => string.IsNullOrEmpty(owner.Metadata?.Uid)
            ? reference.Kind == owner.Kind && reference.Name == owner.Name
            : reference.Uid == owner.Metadata.Uid) == true;

    private static Dictionary<string, string> TemplateLabels(KubeObject workload) => workload switch
    {
        Deployment deployment => deployment.Spec?.Template?.Metadata?.Labels,
        StatefulSet statefulSet => statefulSet.Spec?.Template?.Metadata?.Labels,
        DaemonSet daemonSet => daemonSet.Spec?.Template?.Metadata?.Labels,
        _ => null,
    } ?? [];

    // A service without a selector selects nothing (its endpoints are managed by hand), never everything.
    private static bool SelectsTemplate(Service service, Dictionary<string, string> labels) =>
        service.Spec?.Selector is { Count: > 0 } selector &&
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

/// <summary>One meaningful pipe from objects of <see cref="SourceKind"/> into a command for <see cref="TargetPlural"/>.</summary>
public sealed record Relation(string SourceKind, string TargetPlural, string Meaning);

/// <summary>
/// Which objects of one kind a piped object stands for: a namespace (null: every namespace), selectors, an exact
/// <see cref="Name"/> when it stands for one object, and a <see cref="Filter"/> for what selectors cannot say (owner
/// references, a service's selector); nothing at all when <see cref="SelectsNothing"/>.
/// </summary>
public sealed record RelatedQuery(string? Namespace, ListOptions Options, Func<KubeObject, bool>? Filter = null, bool SelectsNothing = false, string? Name = null)
{
    public bool Selects(KubeObject obj) => Filter?.Invoke(obj) ?? true;
}

/// <summary>An object piped into a command for a kind it has no relation to.</summary>
public sealed class UnrelatedObjectException(KubeObject piped, ResourceDefinition target)
    : ArgumentException($"A {piped?.Kind ?? "object without a kind"} stands for no {target?.Plural}.")
{
    public KubeObject Piped { get; } = piped ?? throw new ArgumentNullException(nameof(piped));

    public ResourceDefinition Target { get; } = target ?? throw new ArgumentNullException(nameof(target));
}
