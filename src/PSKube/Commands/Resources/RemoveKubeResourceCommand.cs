using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;

namespace PSKube.Commands.Resources;

/// <summary>
/// Remove-KubeResource: kubectl delete for any kind. -Kind with names (wildcards) or -All, objects of any kind
/// from the pipeline, whose apiVersion and kind decide the resource type, or the objects of manifests (-Path, kubectl
/// delete -f), removed in the reverse order of the files and documents, so what was created first goes last.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "KubeResource", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class RemoveKubeResourceCommand : KubeRemoveCmdlet
{
    private const string NameSet = "Name";
    private const string AllSet = "All";
    private const string ObjectSet = "InputObject";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The resource types, as kubectl delete takes them: <c>deploy</c>, <c>deploy,svc</c>, <c>all</c>, a custom resource.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string[] Kind { get; set; } = [];

    /// <summary>
    /// The objects to delete: names or wildcard patterns (which ask for confirmation first). Not needed when -Kind
    /// is given as kubectl's KIND/NAME (<c>Remove-KubeResource deploy/web</c>).
    /// </summary>
    [Parameter(Position = 1, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Delete every object of the kinds in the namespace (kubectl delete --all); asks for confirmation.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Objects of any kind, usually from the pipeline (Get-KubeResource, Get-KubePod...).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public KubeObject[] InputObject { get; set; } = [];

    /// <summary>Manifest files, or directories of .yaml, .yml and .json files (kubectl delete -f); wildcards are expanded.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>Manifest files or directories, taken exactly as written (no wildcards).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath", "LP")]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Read the subdirectories of directories too (kubectl -R).</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>An object of the manifests that does not exist is no error (kubectl --ignore-not-found).</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter IgnoreNotFound { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName is PathSet or LiteralPathSet)
        {
            RemoveManifestObjects();
            return;
        }
        if (ParameterSetName == ObjectSet)
        {
            foreach (var obj in InputObject)
            {
                if (ResolveKindOf(obj) is { } resource && obj.Name is { Length: > 0 } name)
                {
                    RemoveObject<GenericKubeObject>(resource, string.IsNullOrEmpty(obj.Namespace) ? TargetNamespace : obj.Namespace, name);
                }
            }
            return;
        }
        var @namespace = TargetNamespace;
        if (Kind.Any(k => k.Contains('/', StringComparison.Ordinal)))
        {
            foreach (var (named, name) in KindQualifiedTargets(Kind, Name.Length > 0 || All))
            {
                foreach (var resource in named.Where(r => IsValidName(r, name)))
                {
                    RemoveObject<GenericKubeObject>(resource, @namespace, name);
                }
            }
            return;
        }
        if (Name.Length == 0 && !All)
        {
            ThrowInvalidArgument(new ArgumentException("Say what to remove: -Name, -All, KIND/NAME (deploy/web), or objects piped in."), "NoNames", Kind);
        }
        if (ResolveKinds(Kind) is not { } resources)
        {
            return;
        }
        var many = All || Name.Any(WildcardPattern.ContainsWildcardCharacters);
        var targets = new List<(ResourceDefinition Resource, string Name)>();
        foreach (var resource in resources)
        {
            if (many)
            {
                TryApi(resource.Kind, resource.Plural, () =>
                    targets.AddRange(ExpandNames<GenericKubeObject>(resource, resource.Namespaced ? @namespace : null, Name, All).Select(n => (resource, n))));
            }
            else
            {
                targets.AddRange(Name.Where(n => IsValidName(resource, n)).Select(n => (resource, n)));
            }
        }
        // A namespace takes everything in it along: removing one asks first, as -All does.
        var asks = many || resources.Any(r => r.Group.Length == 0 && r.Kind == "Namespace");
        var listed = string.Join(", ", targets.Select(t => Describe(t.Resource.Singular, t.Name, null)));
        var where = resources.Any(r => r.Namespaced) ? $" in namespace {@namespace}" : "";
        if (asks && !ConfirmMany(targets.Count, $"Remove {targets.Count} object(s){where}: {listed}?"))
        {
            return;
        }
        foreach (var (resource, name) in targets)
        {
            RemoveObject<GenericKubeObject>(resource, @namespace, name);
        }
    }

    // Every document is read first, so one that cannot be read stops nothing, then the objects go last first.
    private void RemoveManifestObjects()
    {
        var documents = new ManifestInput(this).FromPaths(ParameterSetName == PathSet ? Path : LiteralPath, ParameterSetName == LiteralPathSet, Recurse).ToList();
        foreach (var document in documents.Where(d => d.Error is not null))
        {
            WriteManifestError(document);
        }
        foreach (var document in Enumerable.Reverse(documents).Where(d => d.Object is not null))
        {
            var (obj, origin) = (document.Object!, document.Origin);
            if (ResolveManifestKind(obj, origin) is not { } resource || !ResolveManifestNamespace(obj, resource, origin, TypedNamespace, out var @namespace))
            {
                continue;
            }
            if (obj.Name is not { Length: > 0 } name)
            {
                var message = $"{origin}: the {resource.Singular} has no metadata.name, so there is nothing to remove by it (a generateName makes a new name each time).";
                WriteError(new ErrorRecord(new ArgumentException(message), "ObjectWithoutName", ErrorCategory.InvalidArgument, obj));
                continue;
            }
            RemoveObject<GenericKubeObject>(resource, @namespace, name, origin, IgnoreNotFound);
        }
    }
}
