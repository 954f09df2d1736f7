using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>
/// New-KubeRole and New-KubeClusterRole's type: the kind they create comes from <see cref="Kind"/>, so the cmdlets
/// below can name a parameter -Resource as kubectl's --resource.
/// </summary>
public abstract class NewKubeKindCmdlet<T> : NewKubeObjectCmdlet<T>
    where T : KubeObject
{
    /// <summary>The resource type created.</summary>
    protected abstract ResourceDefinition Kind { get; }

    protected sealed override ResourceDefinition Resource => Kind;
}

/// <summary>
/// What New-KubeRole and New-KubeClusterRole share (kubectl create role/clusterrole): the verbs, resources and
/// resource names of the rules, resources resolved as kubectl resolves them (built-in types without a request,
/// others through the server's discovery), and kubectl's warnings.
/// </summary>
public abstract class NewKubeRoleCmdlet<T> : NewKubeKindCmdlet<T>
    where T : KubeObject
{
    private IReadOnlyList<ResourceDefinition>? _discovered;

    /// <summary>The role's name: any text without '/' or '%' other than '.' or '..', e.g. pod-reader.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The verbs the rules allow: get, list, watch, create, update, patch, delete, deletecollection... or * for all.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Verb { get; set; }

    /// <summary>
    /// The resources the rules apply to: pods, deployments.apps, pods/log, short names (deploy) and kinds (Pod), * for
    /// every resource, *.apps for every resource of a group.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public new string[]? Resource { get; set; }

    /// <summary>The names of the objects the rules are limited to; every object of the resources when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceName { get; set; }

    /// <summary>How the generator's options are named here.</summary>
    protected static Func<string, string> RoleParameterNames(params (string Option, string Parameter)[] more) =>
        ParameterNames([("Verbs", "Verb"), ("Resources", "Resource"), ("ResourceNames", "ResourceName"), .. more]);

    /// <summary>kubectl's lookup of a --resource entry: a built-in type, else the server's discovery, asked once.</summary>
    protected ResourceDefinition? FindResource(string text) =>
        BuiltInResources.Find(text) ?? (_discovered ??= Await(token => Client.Resources.DiscoverAsync(token))).FirstOrDefault(r => r.IsNamedBy(text));

    /// <summary>Runs the generator; a discovery that failed is reported for this role and gives null.</summary>
    protected T? Generate(Func<T> generate)
    {
        T? generated = null;
        TryApi(Kind.Kind, Name, () => generated = generate());
        return generated;
    }
}
