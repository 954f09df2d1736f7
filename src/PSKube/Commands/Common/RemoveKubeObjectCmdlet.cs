using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Remove-Kube&lt;Kind&gt; of a namespaced kind shares (kubectl delete KIND NAME... | --all): names by value or
/// from piped objects, wildcards and -All (which ask for confirmation first), and the rest of <see cref="KubeRemoveCmdlet"/>.
/// </summary>
public abstract class RemoveKubeObjectCmdlet<T> : KubeRemoveCmdlet
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

    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        var many = All || Name.Any(WildcardPattern.ContainsWildcardCharacters);
        IReadOnlyList<string> names = many ? ExpandNames<T>(Resource, @namespace, Name, All) : Name;
        if (many && !ConfirmMany(names.Count, $"Remove {names.Count} {Resource.Plural} in namespace {@namespace}: {string.Join(", ", names)}?"))
        {
            return;
        }
        foreach (var name in names)
        {
            RemoveObject<T>(Resource, @namespace, name);
        }
    }
}
