using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Validation;

namespace PSKube.Commands.Rbac;

/// <summary>
/// New-KubeClusterRole: a ClusterRole (kubectl create clusterrole NAME --verb V --resource R | --non-resource-url U |
/// --aggregation-rule K=V).
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeClusterRole", SupportsShouldProcess = true)]
[OutputType(typeof(ClusterRole))]
public sealed class NewKubeClusterRoleCommand : NewKubeRoleCmdlet<ClusterRole>
{
    /// <summary>URL paths the role grants outside resources, e.g. /healthz, /logs/* or * (verbs: get, post, put, delete, patch, head, options).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NonResourceUrl { get; set; }

    /// <summary>Labels of the cluster roles whose rules this role gathers, e.g. @{ 'rbac.example.com/aggregate-to-monitoring' = 'true' }; then give no rules.</summary>
    [Parameter]
    [ValidateLabels]
    public Hashtable? AggregationRule { get; set; }

    protected override ResourceDefinition Kind => BuiltInResources.Find("clusterroles.rbac.authorization.k8s.io")!;

    protected override ClusterRole? Build() => Generate(() => ClusterRoleGenerator.Generate(new ClusterRoleOptions
    {
        Name = Name,
        Verbs = Verb,
        Resources = Resource,
        ResourceNames = ResourceName,
        NonResourceUrls = NonResourceUrl,
        AggregationRule = Strings(AggregationRule),
        FindResource = FindResource,
        Warning = WriteWarning,
        ParameterNames = RoleParameterNames(("NonResourceUrls", "NonResourceUrl")),
    }));
}
