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

    /// <summary>
    /// Remove without asking: skips the question before removing many, and every confirmation unless -Confirm is
    /// also given (-WhatIf still only reports). Remove-KubePod also deletes at once with it (kubectl --force).
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool Forced => Force;

    /// <summary>The delete options; Remove-KubePod reads -Force as kubectl's --force --grace-period=0.</summary>
    protected virtual DeleteOptions Options => new() { GracePeriodSeconds = GracePeriod };

    /// <summary>Deletes one object with this command's -GracePeriod and -Wait (see <see cref="KubeCmdlet.RemoveObject{T}"/>).</summary>
    protected void RemoveObject<T>(ResourceDefinition resource, string? @namespace, string name, object? origin = null, bool ignoreNotFound = false)
        where T : KubeObject =>
        RemoveObject<T>(resource, resource.Namespaced ? @namespace : null, name, Options, Wait, origin, ignoreNotFound);

    /// <summary>The names of the objects in the namespace that match <paramref name="names"/> (wildcards), or every name with <paramref name="all"/>.</summary>
    protected List<string> ExpandNames<T>(ResourceDefinition resource, string? @namespace, IReadOnlyList<string> names, bool all)
        where T : KubeObject
    {
        ArgumentNullException.ThrowIfNull(names);
        var selection = new NameSelection(all ? null : [.. names]);
        var found = new List<string>();
        // A failed list is an error for the list, and nothing is removed.
        var listed = TryApi(resource.Kind, resource.Plural, () => WriteStream(token => Client.ListAsync<T>(resource, @namespace, null, token), obj =>
        {
            if (obj.Name is { } name && selection.Selects(obj))
            {
                found.Add(name);
            }
        }));
        return listed ? found : [];
    }

    /// <summary>
    /// Deleting many at once deserves a question even at the default $ConfirmPreference, as a ShouldProcess of
    /// ConfirmImpact High would: -Force, -Confirm:$false and $ConfirmPreference = 'None' skip it; -WhatIf and
    /// -Confirm skip it too, since each object then goes through ShouldProcess anyway. Where no one can answer,
    /// the error says how to go ahead.
    /// </summary>
    protected bool ConfirmMany(int count, string question)
    {
        if (count == 0 || Force || MyInvocation.BoundParameters.ContainsKey("Confirm") || MyInvocation.BoundParameters.ContainsKey("WhatIf") || ConfirmPreferenceIsNone())
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

    private bool ConfirmPreferenceIsNone() =>
        LanguagePrimitives.TryConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference"), out var preference) && preference == ConfirmImpact.None;
}
