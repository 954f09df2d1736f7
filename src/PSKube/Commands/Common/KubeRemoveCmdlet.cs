using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Remove-* shares (kubectl delete): -GracePeriod, -Wait until gone, -WhatIf backed by a server dry run,
/// wildcard names expanded by listing, and one confirmation before deleting many. Dependents go too (propagation
/// Background, as kubectl).
/// </summary>
public abstract class KubeRemoveCmdlet : KubeNamespacedCmdlet
{
    /// <summary>Seconds the object gets to shut down; the object's own default when omitted.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? GracePeriod { get; set; }

    /// <summary>Return only once the object is gone (kubectl delete waits by default), with progress shown.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>The delete options; Remove-KubePod adds -Force.</summary>
    protected virtual DeleteOptions Options => new() { GracePeriodSeconds = GracePeriod };

    /// <summary>How an object is named in messages and -WhatIf: <c>deployment/web in namespace default</c>, <c>node/n1</c>.</summary>
    protected static string Describe(ResourceDefinition resource, string name, string? @namespace) =>
        Describe(resource.Singular.Length > 0 ? resource.Singular : resource.Kind.ToLowerInvariant(), name, resource.Namespaced ? @namespace : null);

    /// <summary>Deletes one object (after ShouldProcess; -WhatIf asks the server for a dry run), then waits with -Wait.</summary>
    protected void RemoveObject<T>(ResourceDefinition resource, string? @namespace, string name)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        var target = Describe(resource, name, @namespace);
        if (!ShouldChange(target, "Remove", () => TryApi(resource.Kind, name, () =>
                Await(token => Client.DeleteAsync<T>(resource, @namespace, name, Options with { DryRun = true }, token)))))
        {
            return;
        }
        TryApi(resource.Kind, name, () =>
        {
            var result = Await(token => Client.DeleteAsync<T>(resource, @namespace, name, Options, token));
            if (Wait && result.IsPending)
            {
                AwaitWithProgress($"Removing {target}", "Waiting until it is gone",
                    token => Client.WaitForDeletionAsync<T>(resource, @namespace, name, Timeout.InfiniteTimeSpan, token));
            }
        });
    }

    /// <summary>The names of the objects in the namespace that match <paramref name="names"/> (wildcards), or every name with <paramref name="all"/>.</summary>
    protected List<string> ExpandNames<T>(ResourceDefinition resource, string? @namespace, IReadOnlyList<string> names, bool all)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(names);
        var patterns = all ? [] : names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        var found = new List<string>();
        WriteStream(token => Client.ListAsync<T>(resource, @namespace, null, token), obj =>
        {
            if (obj.Name is { } name && (all || patterns.Exists(p => p.IsMatch(name))))
            {
                found.Add(name);
            }
        });
        return found;
    }

    /// <summary>
    /// Deleting many at once deserves a question even at the default $ConfirmPreference; -Confirm:$false or -WhatIf
    /// skip it (each object still goes through ShouldProcess).
    /// </summary>
    protected bool ConfirmMany(int count, string question)
    {
        if (count == 0 || MyInvocation.BoundParameters.ContainsKey("Confirm") || MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            return true;
        }
        return ShouldContinue(question, "Remove many objects");
    }
}
