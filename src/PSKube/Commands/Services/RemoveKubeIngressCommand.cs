using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Services;

/// <summary>Remove-KubeIngress: deletes ingresses (kubectl delete ingress).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeIngress", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeIngressCommand : RemoveKubeObjectCmdlet<Ingress>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("ingresses")!;
}
