using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Remove-Kube&lt;Kind&gt; of a namespaced kind shares (kubectl delete KIND NAME... | --all): names by value or
/// from piped objects, wildcards and -All (which ask for confirmation first), -GracePeriod, -Wait until gone, and
/// -WhatIf backed by a server dry run. Dependents go too (propagation Background, as kubectl).
/// </summary>
public abstract class RemoveKubeObjectCmdlet<T> : KubeNamespacedCmdlet
    where T : KubeObject
{
    private const string NameSet = "Name";
    private const string AllSet = "All";

    /// <summary>The objects to delete: names or wildcard patterns; piped objects bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>Delete every object of the kind in the namespace (kubectl delete --all); asks for confirmation.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Seconds the object gets to shut down; the object's own default when omitted.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? GracePeriod { get; set; }

    /// <summary>Return only once the object is gone (kubectl delete waits by default), with progress shown.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected abstract ResourceDefinition Resource { get; }

    /// <summary>The delete options; Remove-KubePod adds -Force.</summary>
    protected virtual DeleteOptions Options => new() { GracePeriodSeconds = GracePeriod };

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        var many = All || Name.Any(WildcardPattern.ContainsWildcardCharacters);
        IReadOnlyList<string> names = many ? Expand(@namespace) : Name;
        if (many && !ConfirmMany(names, @namespace))
        {
            return;
        }
        foreach (var name in names)
        {
            RemoveObject<T>(Resource, @namespace, name, Options, Wait);
        }
    }

    private List<string> Expand(string @namespace)
    {
        var patterns = All ? [] : Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        var names = new List<string>();
        WriteStream(token => Client.ListAsync<T>(Resource, @namespace, null, token), obj =>
        {
            if (obj.Name is { } name && (All || patterns.Exists(p => p.IsMatch(name))))
            {
                names.Add(name);
            }
        });
        return names;
    }

    // Deleting many at once deserves a question even at the default $ConfirmPreference; -Confirm:$false or -WhatIf skip it.
    private bool ConfirmMany(IReadOnlyList<string> names, string @namespace)
    {
        if (names.Count == 0 || MyInvocation.BoundParameters.ContainsKey("Confirm") || MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            return true;
        }
        return ShouldContinue($"Remove {names.Count} {Resource.Plural} in namespace {@namespace}: {string.Join(", ", names)}?", "Remove many objects");
    }
}
