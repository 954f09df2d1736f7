using System.Management.Automation;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Cluster;

/// <summary>Get-KubeApiResource: the resource types the server serves, from discovery (kubectl api-resources).</summary>
[Cmdlet(VerbsCommon.Get, "KubeApiResource")]
[OutputType(typeof(ResourceDefinition))]
public sealed class GetKubeApiResourceCommand : KubeCmdlet
{
    /// <summary>Names or wildcard patterns, matched against each type's plural, singular, kind and short names.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only the types of this API group (kubectl --api-group); an empty string is the core group.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? ApiGroup { get; set; }

    /// <summary>Only namespaced types, or with -Namespaced:$false only cluster-scoped ones (kubectl --namespaced).</summary>
    [Parameter]
    public SwitchParameter Namespaced { get; set; }

    /// <summary>Only the types that support every one of these verbs (kubectl --verbs), e.g. list, watch.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSet("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")]
    public string[]? Verb { get; set; }

    protected override void EndProcessing()
    {
        var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        var filter = new ApiResourceFilter(ApiGroup, MyInvocation.BoundParameters.ContainsKey(nameof(Namespaced)) ? Namespaced.IsPresent : null, Verb);
        TryApi("ApiResource", Client.Context.ContextName, () =>
        {
            foreach (var resource in Await(ct => Client.Resources.ApiResourcesAsync(filter, ct)))
            {
                if (patterns is null || new[] { resource.Plural, resource.Singular, resource.Kind }.Concat(resource.ShortNames).Any(n => patterns.Any(p => p.IsMatch(n))))
                {
                    WriteObject(resource);
                }
            }
        });
    }
}
