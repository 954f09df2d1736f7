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

    /// <summary>Deletes one object with this command's -GracePeriod and -Wait (see <see cref="KubeCmdlet.RemoveObject{T}"/>).</summary>
    protected void RemoveObject<T>(ResourceDefinition resource, string? @namespace, string name)
        where T : KubeObject =>
        RemoveObject<T>(resource, resource.Namespaced ? @namespace : null, name, Options, Wait);

    /// <summary>The names of the objects in the namespace that match <paramref name="names"/> (wildcards), or every name with <paramref name="all"/>.</summary>
    protected List<string> ExpandNames<T>(ResourceDefinition resource, string? @namespace, IReadOnlyList<string> names, bool all)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(names);
        var selection = new NameSelection(all ? null : [.. names]);
        var found = new List<string>();
        WriteStream(token => Client.ListAsync<T>(resource, @namespace, null, token), obj =>
        {
            if (obj.Name is { } name && selection.Selects(obj))
            {
                found.Add(name);
            }
        });
        return found;
    }

    /// <summary>
    /// Deleting many at once deserves a question even at the default $ConfirmPreference; -Confirm:$false or -WhatIf
    /// skip it (each object still goes through ShouldProcess). Where no one can answer, the error says to add -Confirm:$false.
    /// </summary>
    protected bool ConfirmMany(int count, string question)
    {
        if (count == 0 || MyInvocation.BoundParameters.ContainsKey("Confirm") || MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            return true;
        }
        try
        {
            return ShouldContinue(question, "Remove many objects");
        }
        catch (Exception e) when (e is PSInvalidOperationException or System.Management.Automation.Host.HostException)
        {
            ThrowCannotAsk(e, $"Remove {count} objects");
            return false;
        }
    }
}
