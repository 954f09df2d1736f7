using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Resources;

/// <summary>
/// Get-KubeResource: kubectl get for any kind (aliases, comma lists, <c>all</c>, custom resources), kind after kind.
/// Kinds with a model come back typed (Pod, Deployment...); others as KubeTableObject with each Table cell as a property.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeResource")]
[OutputType(typeof(KubeObject), typeof(KubeTableObject))]
public sealed class GetKubeResourceCommand : KubeListCmdlet
{
    /// <summary>What kubectl get takes: <c>pods</c>, <c>po</c>, <c>Pod</c>, <c>deployments.apps</c>, <c>deploy,svc</c>, <c>all</c>, a custom resource, or KIND/NAME (<c>deploy/web</c>).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string[] Kind { get; set; } = [];

    /// <summary>Names or wildcard patterns; every object when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>app=web,tier!=db</c>.</summary>
    [Parameter]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>A field selector (kubectl --field-selector), e.g. <c>metadata.name=web</c>.</summary>
    [Parameter]
    [ValidateFieldSelector]
    public string? FieldSelector { get; set; }

    /// <summary>
    /// A piped object: read again when no -Kind is typed; with -Kind, the objects of those kinds it stands for (a
    /// Namespace: what is in it; a Service: its endpoints; see about_PSKube); other pipes are refused.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    private ListOptions Selection => new() { LabelSelector = Selector, FieldSelector = FieldSelector };

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            WriteRelatedTo(InputObject);
            return;
        }
        // kubectl's TYPE/NAME (deploy/web, pod/x): each names one object; names are not given besides.
        var qualified = KindQualifiedTargets(Kind, Name is not null);
        foreach (var (named, name) in qualified)
        {
            Write(named, ListNamespace, new NameSelection([name]), Selection);
        }
        if (!Kind.Any(k => k.Contains('/', StringComparison.Ordinal)) && ResolveKinds(Kind) is { } resources)
        {
            Write(resources, ListNamespace, new NameSelection(Name), Selection);
        }
    }

    // Without a typed -Kind the object's own kind (bound from its Kind property) reads it again.
    private void WriteRelatedTo(KubeObject piped)
    {
        var resources = Typed(nameof(Kind)) ? ResolveKinds(Kind) : ResolveKindOf(piped) is { } own ? [own] : null;
        foreach (var resource in resources ?? [])
        {
            if (RelatedTo(piped, resource, TargetNamespace) is not { SelectsNothing: false } related)
            {
                continue;
            }
            var names = related.Name is { } exact ? [exact] : Typed(nameof(Name)) ? Name : null;
            Write([resource], related.Namespace, new NameSelection(names, related.Filter), related.Options.Narrowed(Selector, FieldSelector));
        }
    }

    private void Write(IReadOnlyList<ResourceDefinition> resources, string? @namespace, NameSelection names, ListOptions selection)
    {
        var severalKinds = resources.Count > 1;
        foreach (var resource in resources)
        {
            if (names.NeedsList(@namespace))
            {
                TryApi(resource.Kind, resource.Plural, () =>
                {
                    foreach (var obj in Await(token => Client.GetResourcesAsync(resource, @namespace, selection, token)).Where(names.Selects))
                    {
                        WriteResource(obj, severalKinds, resource.Namespaced && @namespace is null);
                    }
                });
                continue;
            }
            foreach (var name in names.Exact.Where(n => IsValidName(resource, n)))
            {
                TryApi(resource.Kind, name, () =>
                {
                    var obj = Await(token => Client.GetResourceAsync(resource, @namespace, name, token));
                    if (NameSelection.MatchesLabels(obj, selection.LabelSelector) && names.Selects(obj))
                    {
                        WriteResource(obj, severalKinds, resource.Namespaced && @namespace is null);
                    }
                });
            }
        }
    }

    private void WriteResource(KubeObject obj, bool severalKinds, bool allNamespaces)
    {
        if (severalKinds)
        {
            WriteObject(AsListing(obj));
            return;
        }
        WriteListed(WithColumns(obj), allNamespaces, watch: false);
    }

    // Objects of several kinds (Get-KubeResource all) share one table view, kind/name and age as kubectl get all
    // prints them: PowerShell's formatter shows only the first type's table and lists whatever follows.
    private static PSObject AsListing(KubeObject obj)
    {
        var listed = PSObject.AsPSObject(WithColumns(obj));
        listed.TypeNames.Insert(0, ListingTypeName);
        return listed;
    }

    /// <summary>The type name of the one view for objects of several kinds.</summary>
    public const string ListingTypeName = "PSKube.KubeResourceListing";

    // PowerShell sees dictionary entries only as properties: each cell becomes one (Desired, Ready, 'Created At'...)
    // unless the object has a property of that name already, so Where-Object and Sort-Object work on what the table shows.
    private static object WithColumns(KubeObject obj)
    {
        if (obj is not KubeTableObject row)
        {
            return obj;
        }
        var wrapped = new PSObject(row);
        foreach (var column in row.ColumnNames)
        {
            if (wrapped.Properties[column] is null)
            {
                wrapped.Properties.Add(new PSNoteProperty(column, row.Columns[column]));
            }
        }
        return wrapped;
    }
}
