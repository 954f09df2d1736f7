using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>New-KubeServiceAccount: a ServiceAccount (kubectl create serviceaccount NAME).</summary>
[Cmdlet(VerbsCommon.New, "KubeServiceAccount", SupportsShouldProcess = true)]
[OutputType(typeof(ServiceAccount))]
public sealed class NewKubeServiceAccountCommand : NewKubeObjectCmdlet<ServiceAccount>
{
    /// <summary>The service account's name: lowercase letters, digits, '-' or '.'.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    protected override ResourceDefinition Resource => BuiltInResources.Find("serviceaccounts")!;

    protected override ServiceAccount Build() => ServiceAccountGenerator.Generate(new ServiceAccountOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        ParameterNames = ParameterNames(),
    });
}
