using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.Commands.Common;
using KubeFieldSelector = PSKube.Client.Selectors.FieldSelector;

namespace PSKube;

// Reading and deleting objects by name, shared by the Get-/Remove- cmdlets of namespaced kinds (Get-KubePod) and of
// cluster-scoped ones (Get-KubeNode, Remove-KubeNamespace), which have different bases.
public abstract partial class KubeCmdlet
{
    /// <summary>How an object is named in messages and -WhatIf, as kubectl does: <c>pod/web in namespace default</c>, <c>namespace/shop</c>.</summary>
    protected static string Describe(string resource, string name, string? @namespace) =>
        @namespace is null ? $"{resource}/{name}" : $"{resource}/{name} in namespace {@namespace}";

    /// <summary>
    /// Outputs the objects that <paramref name="names"/> (names or wildcard patterns; null for all) select within
    /// <paramref name="selection"/> (kubectl get KIND [NAME...] [-l] [--field-selector] [-w]): names without wildcards
    /// are read one by one (a missing one is an error for that name), wildcard names and no names list once and
    /// filter, <paramref name="watch"/> lists then follows the changes until Ctrl+C.
    /// </summary>
    /// <param name="namespace">The namespace; null for every namespace, or for a cluster-scoped kind.</param>
    /// <param name="filter">What selectors cannot say (the jobs a piped CronJob owns); null for none.</param>
    protected void WriteObjects<T>(ResourceDefinition resource, string? @namespace, IReadOnlyList<string>? names, ListOptions selection, bool watch,
        Func<KubeObject, bool>? filter = null)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(selection);
        var selected = new NameSelection(names, filter);
        var allNamespaces = resource.Namespaced && @namespace is null;
        if (watch)
        {
            // One exact name narrows the watch on the server, as kubectl get NAME -w does; otherwise filter here.
            var watched = selected.Exact.Count == 1 && selected.Patterns.Count == 0
                ? selection.Narrowed(null, "metadata.name=" + KubeFieldSelector.EscapeValue(selected.Exact[0]))
                : selection;
            // A failed list or watch is an error for the list, which -ErrorAction governs like any other.
            TryApi(resource.Kind, resource.Plural, () => WriteStream(token => Client.ListAndWatchAsync<T>(resource, @namespace, watched, StreamHealth(), token), change =>
            {
                if (change.Object is { } obj && selected.Selects(obj) && Presented(obj) is { } shown)
                {
                    WriteListed(shown, allNamespaces, watch: true);
                }
            }));
            return;
        }
        if (selected.NeedsList(resource.Namespaced ? @namespace : "cluster-scoped"))
        {
            // Patterns, and names across every namespace, filter one list.
            TryApi(resource.Kind, resource.Plural, () => WriteStream(token => Client.ListAsync<T>(resource, @namespace, selection, token), obj =>
            {
                if (selected.Selects(obj) && Presented(obj) is { } shown)
                {
                    WriteListed(shown, allNamespaces, watch: false);
                }
            }));
            return;
        }
        foreach (var name in selected.Exact)
        {
            TryApi(resource.Kind, name, () =>
            {
                var obj = Await(token => Client.GetAsync<T>(resource, @namespace, name, token));
                if (NameSelection.MatchesLabels(obj, selection.LabelSelector) && selected.Selects(obj) && Presented(obj) is { } shown)
                {
                    WriteObject(shown);
                }
            });
        }
    }

    /// <summary>
    /// What <see cref="WriteObjects{T}"/> outputs for an object it read: the object itself, or what the command's
    /// switches ask for instead (Get-KubeSecret -AsPlainText: the decoded values); null outputs nothing.
    /// </summary>
    protected virtual object? Presented(KubeObject obj) => obj;

    /// <summary>
    /// What every Get-* outputs for one pipeline record: with a piped object, the objects of <paramref name="resource"/>
    /// it stands for (itself read again, a namespace's, a CronJob's jobs...; see RelatedObjects), narrowed by names
    /// typed on the command line and the selectors; else the objects <paramref name="names"/> (plain or KIND/NAME; null
    /// for all) select in <paramref name="namespace"/>.
    /// </summary>
    /// <param name="namespace">Where to list without a piped object: null for every namespace or a cluster-scoped kind.</param>
    /// <param name="home">The namespace of a piped namespaced object that carries none.</param>
    protected void WriteSelected<T>(ResourceDefinition resource, string? @namespace, string? home, KubeObject? piped, string[]? names, ListOptions selection, bool watch)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(selection);
        if (piped is null)
        {
            var typed = names is null ? null : NamesOfKind(resource, names);
            if (typed is not { Count: 0 })
            {
                WriteObjects<T>(resource, @namespace, typed, selection, watch);
            }
            return;
        }
        if (RelatedTo(piped, resource, home) is not { SelectsNothing: false } related)
        {
            return;
        }
        // Names typed on the command line narrow what the piped object stands for; the piped object's own Name,
        // bound by property name, does not.
        var filter = Typed("Name") && names is not null ? new NameSelection(NamesOfKind(resource, names)) : null;
        if (related.Name is { } name && filter?.Selects(name) == false)
        {
            return;
        }
        WriteObjects<T>(resource, related.Namespace, related.Name is { } exact ? [exact] : filter?.Names,
            related.Options.Narrowed(selection.LabelSelector, selection.FieldSelector), watch, related.Filter);
    }

    /// <summary>
    /// Deletes one object after ShouldProcess (-WhatIf runs a server dry run, so a refusal shows) and, with
    /// <paramref name="wait"/>, returns once it is gone, with progress shown. A failure is an error for this object only.
    /// </summary>
    /// <param name="namespace">The namespace; null for a cluster-scoped kind.</param>
    /// <param name="origin">Where the object came from (a manifest's document): in the -WhatIf target and before error messages.</param>
    /// <param name="ignoreNotFound">An object already gone is no error (kubectl --ignore-not-found).</param>
    protected void RemoveObject<T>(ResourceDefinition resource, string? @namespace, string name, DeleteOptions options, bool wait, object? origin = null, bool ignoreNotFound = false)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(options);
        var target = Describe(resource.Singular, name, @namespace) + (origin is null ? "" : $" ({origin})");
        void Delete(DeleteOptions sent, Action<DeleteResult<T>> then) => TryApi(resource.Kind, name, () =>
        {
            try
            {
                then(Await(token => Client.DeleteAsync<T>(resource, @namespace, name, sent, token)));
            }
            catch (KubeApiException e) when (ignoreNotFound && e.IsNotFound)
            {
                WriteVerbose($"{target} is already gone.");
            }
        }, origin);
        if (!ShouldChange(target, "Remove", () => Delete(options with { DryRun = true }, _ => { })))
        {
            return;
        }
        Delete(options, result =>
        {
            if (wait && result.IsPending)
            {
                AwaitWithProgress($"Removing {target}", "Waiting until it is gone",
                    token => Client.WaitForDeletionAsync<T>(resource, @namespace, name, Timeout.InfiniteTimeSpan, token));
            }
        });
    }
}
