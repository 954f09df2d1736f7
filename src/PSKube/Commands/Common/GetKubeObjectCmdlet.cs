using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;
using PSKube.Validation;
using KubeFieldSelector = PSKube.Client.Selectors.FieldSelector;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Get-Kube&lt;Kind&gt; of a namespaced kind shares (kubectl get KIND [NAME...] [-l] [--field-selector] [-A] [-w]):
/// names without wildcards are read one by one (a missing one is an error for that name), wildcard names and no
/// names list once and filter, -Watch lists then follows the changes until Ctrl+C.
/// </summary>
public abstract class GetKubeObjectCmdlet<T> : KubeListCmdlet
    where T : KubeObject
{
    /// <summary>Names or wildcard patterns; every object when omitted.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>app=web,tier!=db</c>.</summary>
    [Parameter]
    [Alias("l")]
    [ValidateLabelSelector]
    public string? Selector { get; set; }

    /// <summary>A field selector (kubectl --field-selector), e.g. <c>status.phase=Running</c>.</summary>
    [Parameter]
    [ValidateFieldSelector]
    public string? FieldSelector { get; set; }

    /// <summary>After the current objects, output each change as it happens (kubectl get -w) until Ctrl+C.</summary>
    [Parameter]
    [Alias("w")]
    public SwitchParameter Watch { get; set; }

    /// <summary>The resource type, e.g. <c>BuiltInResources.Find("pods")</c>.</summary>
    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord() => Query(ListNamespace, new ListOptions { LabelSelector = Selector, FieldSelector = FieldSelector });

    /// <summary>Outputs the objects the names select within <paramref name="selection"/>.</summary>
    protected void Query(string? @namespace, ListOptions selection)
    {
        var names = new NameSelection(Name);
        if (Watch)
        {
            // One exact name narrows the watch on the server, as kubectl get NAME -w does; otherwise filter here.
            var watched = names.Exact.Count == 1 && names.Patterns.Count == 0
                ? selection with { FieldSelector = Combine(selection.FieldSelector, "metadata.name=" + KubeFieldSelector.EscapeValue(names.Exact[0])) }
                : selection;
            WriteStream(token => Client.ListAndWatchAsync<T>(Resource, @namespace, watched, token), change =>
            {
                if (change.Object is { } obj && names.Selects(obj))
                {
                    WriteObject(obj);
                }
            });
            return;
        }
        if (names.NeedsList(@namespace))
        {
            WriteStream(token => Client.ListAsync<T>(Resource, @namespace, selection, token), obj =>
            {
                if (names.Selects(obj))
                {
                    WriteObject(obj);
                }
            });
        }
        else
        {
            foreach (var name in names.Exact)
            {
                TryApi(Resource.Kind, name, () =>
                {
                    var obj = Await(token => Client.GetAsync<T>(Resource, @namespace, name, token));
                    if (NameSelection.MatchesLabels(obj, selection.LabelSelector))
                    {
                        WriteObject(obj);
                    }
                });
            }
        }
    }

    private static string Combine(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first},{second}";
}
