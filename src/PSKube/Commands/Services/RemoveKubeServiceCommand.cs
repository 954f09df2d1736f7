using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Services;

/// <summary>Remove-KubeService: deletes services (kubectl delete services).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeService", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeServiceCommand : RemoveKubeObjectCmdlet<Service>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("services")!;
}
