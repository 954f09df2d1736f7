using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Common;

/// <summary>
/// What Update-KubeResource and Edit-KubeResource share: the objects they change, named as kubectl patch and edit
/// take them (-Kind with names, or kubectl's KIND/NAME such as <c>deploy/web</c>) or piped in as objects of any
/// kind, each acted on in its own namespace.
/// </summary>
public abstract class ResourceTargetCmdlet : KubeNamespacedCmdlet
{
    /// <summary>The parameter set of names.</summary>
    protected const string NameSet = "Name";

    /// <summary>The parameter set of piped objects.</summary>
    protected const string ObjectSet = "InputObject";

    /// <summary>The resource type (<c>deploy</c>, <c>pods</c>, a custom resource), or kubectl's KIND/NAME (<c>deploy/web</c>) with no -Name.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string[] Kind { get; set; } = [];

    /// <summary>The names of the objects of -Kind.</summary>
    [Parameter(Position = 1, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Objects of any kind, usually from the pipeline (Get-KubeDeployment, Get-KubeResource...); each is acted on in its own namespace.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public KubeObject[] InputObject { get; set; } = [];

    /// <summary>A piped object's namespace is where it lives.</summary>
    protected override KubeObject? PipedObject => InputObject.Length == 1 ? InputObject[0] : null;

    /// <summary>
    /// The objects this record names: resource type, namespace (null for a cluster-scoped kind) and name. Unknown
    /// kinds and invalid names are errors for those items; the others still come.
    /// </summary>
    protected IEnumerable<(ResourceDefinition Resource, string? Namespace, string Name)> Targets()
    {
        if (ParameterSetName == ObjectSet)
        {
            foreach (var obj in InputObject)
            {
                if (ResolveKindOf(obj) is { } resource && obj.Name is { Length: > 0 } name)
                {
                    var home = string.IsNullOrEmpty(obj.Namespace) ? TargetNamespace : obj.Namespace;
                    yield return (resource, resource.Namespaced ? home : null, name);
                }
            }
            yield break;
        }
        if (Kind.Any(k => k.Contains('/', StringComparison.Ordinal)))
        {
            foreach (var (resources, name) in KindQualifiedTargets(Kind, Name.Length > 0))
            {
                foreach (var resource in resources.Where(r => IsValidName(r, name)))
                {
                    yield return (resource, resource.Namespaced ? TargetNamespace : null, name);
                }
            }
            yield break;
        }
        if (Name.Length == 0)
        {
            ThrowInvalidArgument(new ArgumentException("Say which objects: -Name, KIND/NAME (deploy/web), or objects piped in."), "NoNames", Kind);
        }
        foreach (var resource in ResolveKinds(Kind) ?? [])
        {
            foreach (var name in Name.Where(n => IsValidName(resource, n)))
            {
                yield return (resource, resource.Namespaced ? TargetNamespace : null, name);
            }
        }
    }
}
