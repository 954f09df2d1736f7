using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Common;

/// <summary>
/// What every Remove-Kube&lt;Kind&gt; shares (kubectl delete KIND NAME... | --all): names by value or
/// from piped objects, wildcards and -All (which ask for confirmation first), and the rest of <see cref="KubeRemoveCmdlet"/>.
/// </summary>
public abstract class RemoveKubeObjectCmdlet<T> : KubeRemoveCmdlet
    where T : KubeObject
{
    private const string NameSet = "Name";
    private const string AllSet = "All";

    /// <summary>The objects to delete: names, wildcard patterns or kubectl's KIND/NAME; piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused (never deleted by its name).</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = NameSet)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>Delete every object of the kind in the namespace (kubectl delete --all); asks for confirmation.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord()
    {
        // Cluster-scoped kinds (cluster roles) live in no namespace: -Namespace means nothing to them, as to kubectl -n.
        var @namespace = Resource.Namespaced ? TargetNamespace : null;
        var given = All ? [] : NamesFor(Resource, InputObject, Name);
        if (!All && given.Count == 0)
        {
            return;
        }
        var many = All || given.Any(WildcardPattern.ContainsWildcardCharacters);
        IReadOnlyList<string> names = many ? ExpandNames<T>(Resource, @namespace, given, All) : given;
        if (many && !ConfirmMany(names.Count, $"Remove {names.Count} {Resource.Plural}{(@namespace is null ? "" : $" in namespace {@namespace}")}: {string.Join(", ", names)}?"))
        {
            return;
        }
        foreach (var name in names)
        {
            RemoveObject<T>(Resource, @namespace, name);
        }
    }
}
