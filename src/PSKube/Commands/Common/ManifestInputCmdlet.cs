using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

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
/// <item>Helpers for the derived cmdlet: <see cref="ResolveManifestKind"/> (resource type from apiVersion and kind,
/// through discovery), <see cref="ResolveManifestNamespace"/> (where the object goes, refusing a -Namespace that
/// differs from metadata.namespace as kubectl does), <see cref="TryManifestApi"/> (one API call whose failure is an
/// error naming the origin: "web.yaml, document 2: ... already exists"), <see cref="DescribeManifestObject"/>
/// (ShouldProcess target). Each writes its own error and answers null/false, so the caller just returns.</item>
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
                WriteManifestError(this, document);
            }
        }
    }

    /// <summary>The one error of a document that cannot be read (id ManifestNotReadable), for any cmdlet that reads manifests.</summary>
    internal static void WriteManifestError(PSCmdlet cmdlet, ManifestDocument document)
    {
        var message = document.Describe()!;
        cmdlet.WriteError(new ErrorRecord(new FormatException(message, document.Error), "ManifestNotReadable", ErrorCategory.ParserError, document.Origin.File ?? (object)document.Origin)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Correct the document at the place the message names; the other documents were still used." },
        });
    }

    /// <summary>The object's resource type from its apiVersion and kind (discovery for kinds not built in); null after an error naming the origin.</summary>
    protected ResourceDefinition? ResolveManifestKind(KubeObject obj, ManifestOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(origin);
        if (string.IsNullOrEmpty(obj.Kind))
        {
            var message = $"{origin}: the object {obj.Name} has no kind, so its resource type is unknown; add apiVersion and kind.";
            WriteError(new ErrorRecord(new ArgumentException(message), "ObjectWithoutKind", ErrorCategory.InvalidArgument, obj));
            return null;
        }
        try
        {
            return Await(token => Client.Resources.ResolveKindAsync(obj.ApiVersion, obj.Kind, token));
        }
        catch (KubeResourceTypeNotFoundException e)
        {
            WriteError(new ErrorRecord(e, "ResourceTypeNotFound", ErrorCategory.ObjectNotFound, obj)
            {
                ErrorDetails = new ErrorDetails($"{origin}: {e.Message}") { RecommendedAction = "Check apiVersion and kind; Get-KubeApiResource lists the types the cluster serves (a custom resource needs its definition first)." },
            });
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, obj.Kind, obj, origin.ToString());
        }
        return null;
    }

    /// <summary>
    /// The namespace the object goes to (see <see cref="ManifestNamespace"/>): its own, else -Namespace when typed,
    /// else the context's; null for a cluster-scoped kind. Sets it on the object. False after a NamespaceMismatch error.
    /// </summary>
    protected bool ResolveManifestNamespace(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin, out string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        // Only a -Namespace typed (or set in $PSDefaultParameterValues) counts as kubectl -n: a piped object binds its
        // own by property name, which says nothing about the others.
        var explicitNamespace = Typed(nameof(Namespace)) && !string.IsNullOrEmpty(Namespace) ? TargetNamespace : null;
        try
        {
            @namespace = ManifestNamespace.Resolve(obj, resource.Namespaced, explicitNamespace, Client.DefaultNamespace);
            return true;
        }
        catch (ManifestNamespaceMismatchException e)
        {
            WriteError(new ErrorRecord(e, "NamespaceMismatch", ErrorCategory.InvalidArgument, obj)
            {
                ErrorDetails = new ErrorDetails($"{origin}: {e.Message}") { RecommendedAction = $"Leave -Namespace out to use the namespace the manifest names, or give -Namespace {e.ObjectNamespace}." },
            });
            @namespace = null;
            return false;
        }
    }

    /// <summary>One API call for one object; a failure is an error (the usual id and category by reason) whose message starts with the origin.</summary>
    protected bool TryManifestApi(KubeObject obj, ManifestOrigin origin, Action call)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            call();
            return true;
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, obj.Kind ?? "", obj, origin.ToString());
            return false;
        }
    }

    /// <summary>How the object is named in -WhatIf and -Confirm: <c>deployment/web in namespace default (web.yaml, document 2)</c>; a generated name shows as <c>web-*</c>.</summary>
    protected static string DescribeManifestObject(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        var name = obj.Name is { Length: > 0 } given ? given : (obj.Metadata?.GenerateName ?? "") + "*";
        return $"{Describe(resource.Singular, name, resource.Namespaced ? obj.Namespace : null)} ({origin})";
    }
}
