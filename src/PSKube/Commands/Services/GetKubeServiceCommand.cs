using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Services;

/// <summary>Get-KubeService: services by name (wildcards), selector or field selector (kubectl get services).</summary>
[Cmdlet(VerbsCommon.Get, "KubeService")]
[OutputType(typeof(Service))]
public sealed class GetKubeServiceCommand : GetKubeObjectCmdlet<Service>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("services")!;
}
