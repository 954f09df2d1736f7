using System.Management.Automation;
using PSKube.Client.Describing;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Describing;

/// <summary>
/// Get-KubeDescription (kubectl describe): for pods, deployments, replica sets, stateful sets, daemon sets, jobs, cron
/// jobs, services, nodes, namespaces and limit ranges, one description per object, shown as kubectl describe's text,
/// with its sections as properties (Containers, Conditions, Events oldest first...). Objects are named (-Kind and
/// -Name with wildcards, -Selector) or piped in; a piped object is described as it is, never widened to others.
/// Everything selected is described together at the end, with one list per related kind.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeDescription", DefaultParameterSetName = KindSet)]
[OutputType(typeof(KubeDescription))]
public sealed class GetKubeDescriptionCommand : KubeListCmdlet
{
    private const string KindSet = "Kind";
    private const string ObjectSet = "InputObject";

    private readonly List<KubeObject> _selected = [];

    /// <summary>The kind: <c>pods</c>, <c>po</c>, <c>Pod</c>, <c>deploy</c>, <c>svc</c>, <c>nodes</c>, <c>ns</c>... or kubectl's KIND/NAME (<c>deploy/web</c>).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = KindSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DescribeKindCompleter))]
    public string[] Kind { get; set; } = [];

    /// <summary>Names or wildcard patterns; every object of the kind (in the namespace) when omitted.</summary>
    [Parameter(Position = 1, ParameterSetName = KindSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>app=web</c>.</summary>
    [Parameter(ParameterSetName = KindSet)]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>Objects to describe, from Get-KubePod, Get-KubeDeployment, Get-KubeNode...: each exactly as piped.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public KubeObject[] InputObject { get; set; } = [];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ObjectSet)
        {
            foreach (var obj in InputObject)
            {
                if (ResolveKindOf(obj) is { } resource && Describable(resource, obj))
                {
                    _selected.Add(obj);
                }
            }
            return;
        }
        var selection = new ListOptions { LabelSelector = Selector };
        foreach (var (resources, name) in KindQualifiedTargets(Kind, Name is not null))
        {
            foreach (var resource in resources.Where(r => Describable(r, r.Plural)))
            {
                Select(resource, new NameSelection([name]), selection);
            }
        }
        if (!Kind.Any(k => k.Contains('/', StringComparison.Ordinal)) && ResolveKinds(Kind) is { } kinds)
        {
            foreach (var resource in kinds.Where(r => Describable(r, r.Plural)))
            {
                Select(resource, new NameSelection(Name), selection);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_selected.Count == 0)
        {
            return;
        }
        TryApi(_selected[0].Kind ?? "Object", _selected.Count == 1 ? _selected[0] : null, () =>
        {
            foreach (var description in Await(token => Describer.DescribeAsync(Client, _selected, token)))
            {
                WriteObject(description);
            }
        });
    }

    // The objects the names select: read one by one when named exactly, else one list filtered here.
    private void Select(ResourceDefinition resource, NameSelection names, ListOptions selection)
    {
        var @namespace = resource.Namespaced ? ListNamespace : null;
        if (names.NeedsList(resource.Namespaced ? @namespace : "cluster-scoped"))
        {
            TryApi(resource.Kind, resource.Plural, () =>
                _selected.AddRange(Await(token => Client.GetResourcesAsync(resource, @namespace, selection, token)).Where(names.Selects)));
            return;
        }
        foreach (var name in names.Exact.Where(n => IsValidName(resource, n)))
        {
            TryApi(resource.Kind, name, () =>
            {
                var obj = Await(token => Client.GetResourceAsync(resource, @namespace, name, token));
                if (NameSelection.MatchesLabels(obj, selection.LabelSelector))
                {
                    _selected.Add(obj);
                }
            });
        }
    }

    // A kind describe covers; else an error for that item saying which kinds it does.
    private bool Describable(ResourceDefinition resource, object target)
    {
        if (Describer.CanDescribe(resource))
        {
            return true;
        }
        var message = $"Get-KubeDescription describes {string.Join(", ", Describer.Kinds)}; not {resource.Plural}.";
        WriteError(new ErrorRecord(new ArgumentException(message), "DescribeNotSupported", ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Get-KubeResource {resource.Plural} NAME | ConvertTo-KubeYaml shows the whole object; Get-KubeEvent shows its events." },
        });
        return false;
    }
}
