using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Policy;

/// <summary>New-KubeQuota: creates a ResourceQuota that caps what a namespace may use (kubectl create quota).</summary>
[Cmdlet(VerbsCommon.New, "KubeQuota", SupportsShouldProcess = true)]
[OutputType(typeof(ResourceQuota))]
public sealed class NewKubeQuotaCommand : NewKubeObjectCmdlet<ResourceQuota>
{
    /// <summary>The quota's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The caps, resource name to quantity: @{ pods = 10; 'requests.cpu' = '2'; 'limits.memory' = '4Gi'; 'count/deployments.apps' = 5 }.</summary>
    [Parameter(Position = 1)]
    public IDictionary? Hard { get; set; }

    /// <summary>Count only the pods in these scopes, e.g. BestEffort or NotTerminating.</summary>
    [Parameter]
    [Alias("Scopes")]
    [CanonicalSpelling("Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity")]
    [ValidateSet("Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity")]
    public string[]? Scope { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("resourcequotas")!;

    protected override ResourceQuota Build() => QuotaGenerator.Generate(new QuotaOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        Hard = Strings(Hard),
        Scopes = Scope,
        ParameterNames = ParameterNames((nameof(QuotaOptions.Scopes), nameof(Scope))),
    });
}
