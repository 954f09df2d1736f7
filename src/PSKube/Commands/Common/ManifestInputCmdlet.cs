using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Commands.Common;

/// <summary>
/// The base of cmdlets that take manifests as kubectl -f does (New-KubeResource, Set-KubeResource,
/// Compare-KubeResource). It declares the input parameters and reads them; the derived cmdlet only handles objects.
/// <list type="bullet">
/// <item>Parameters (sets <see cref="PathSet"/>, <see cref="LiteralPathSet"/>, <see cref="InputObjectSet"/>):
/// -Path (position 0, wildcards), -LiteralPath (alias PSPath), -Recurse (subdirectories of directories, kubectl -R),
/// -InputObject from the pipeline (YAML/JSON text: lines piped one by one are joined, a string with line breaks is one
/// text; KubeObjects as they are; files from Get-ChildItem; hashtables and custom objects), and -Namespace
/// (<see cref="KubeNamespacedCmdlet"/>: kubectl -n).</item>
/// <item>The derived cmdlet implements <see cref="ProcessManifestObject"/>, called once per object on the pipeline
/// thread, in the order of the paths, files, documents and List items (from ProcessRecord, and from EndProcessing for
/// the last lines of piped text). A document that cannot be read never reaches it: the base writes one error for it
/// (id ManifestNotReadable, ParserError, message file:line:column naming the document) and goes on with the next.</item>
/// <item>Helpers (KubeCmdlet.Manifests.cs; Remove-KubeResource -Path uses them too), each writing its own error
/// and answering null/false so the caller just returns: <see cref="KubeCmdlet.ResolveManifestKind"/> (the resource
/// type from apiVersion and kind, through discovery), <see cref="ResolveManifestNamespace(KubeObject, ResourceDefinition, ManifestOrigin, out string?)"/>
/// (where the object goes; a typed -Namespace that differs from metadata.namespace is refused as kubectl does),
/// <see cref="TryManifestApi"/> (one API call whose failure is an error starting with the origin: "web.yaml,
/// document 2: ... already exists"), <see cref="KubeCmdlet.DescribeManifestObject"/> (the ShouldProcess target),
/// <see cref="KubeCmdlet.WriteManifestError"/>.</item>
/// <item>An override of BeginProcessing, ProcessRecord or EndProcessing must call the base first (EndProcessing
/// delivers the remaining piped text).</item>
/// </list>
/// </summary>
public abstract class ManifestInputCmdlet : KubeNamespacedCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";
    protected const string InputObjectSet = "InputObject";

    private ManifestInput? _input;

    /// <summary>Manifest files, or directories of .yaml, .yml and .json files (kubectl -f); wildcards are expanded.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
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

    /// <summary>
    /// Manifests from the pipeline: YAML or JSON text (Get-Content lines are joined into one text), Kubernetes objects
    /// (ConvertFrom-KubeYaml, New-Kube* -DryRun, Get-Kube* output), files, hashtables.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [AllowEmptyString]
    public object?[] InputObject { get; set; } = [];

    /// <summary>Handles one object of the input; see the class summary for the contract.</summary>
    protected abstract void ProcessManifestObject(KubeObject obj, ManifestOrigin origin);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _input = new ManifestInput(this);
    }

    protected override void ProcessRecord()
    {
        var documents = ParameterSetName switch
        {
            PathSet => _input!.FromPaths(Path, literal: false, Recurse),
            LiteralPathSet => _input!.FromPaths(LiteralPath, literal: true, Recurse),
            _ => InputObject.SelectMany(_input!.FromPipeline),
        };
        Handle(documents);
    }

    protected override void EndProcessing()
    {
        base.EndProcessing();
        Handle(_input!.Flush());
    }

    private void Handle(IEnumerable<ManifestDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Object is { } obj)
            {
                ProcessManifestObject(obj, document.Origin);
            }
            else
            {
                WriteManifestError(document);
            }
        }
    }

    /// <summary>
    /// The namespace the object goes to (see <see cref="ManifestNamespace"/>): its own, else -Namespace when typed,
    /// else the context's; null for a cluster-scoped kind. Sets it on the object. False after a NamespaceMismatch error.
    /// </summary>
    protected bool ResolveManifestNamespace(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin, out string? @namespace) =>
        ResolveManifestNamespace(obj, resource, origin, TypedNamespace, out @namespace);

    /// <summary>One API call for one object; a failure is an error (the usual id and category by reason) whose message starts with the origin.</summary>
    protected bool TryManifestApi(KubeObject obj, ManifestOrigin origin, Action call)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return TryApi(obj.Kind ?? "", obj, call, origin);
    }
}
